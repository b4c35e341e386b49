import { overallProgress, runningCount, type QueueSummary } from './queue-summary'

/** What `BrowserWindow.setProgressBar` and `app.setBadgeCount` get. */
export interface TaskbarModel {
  /** 0…1; -1 removes the bar; 2 (above 1) shows it indeterminate on Windows. */
  progress: number
  mode: 'none' | 'normal' | 'indeterminate' | 'paused' | 'error'
  /** Transfers running or waiting (0 clears the badge). */
  badge: number
}

export function taskbarModel(summary: QueueSummary): TaskbarModel {
  const badge = runningCount(summary)
  const progress = overallProgress(summary)
  if (badge > 0) {
    if (progress === null) return { progress: 2, mode: 'indeterminate', badge }
    return { progress, mode: summary.counts.failed > 0 ? 'error' : 'normal', badge }
  }
  if (summary.counts.paused > 0 && progress !== null) return { progress, mode: 'paused', badge }
  return { progress: -1, mode: 'none', badge }
}
