import { z } from 'zod'
import { overallProgress, runningCount, type QueueSummary } from './queue-summary'
import { formatSpeed } from '../../shared/format/format-bytes'

export const TrayState = z.enum(['idle', 'active', 'paused', 'error'])
export type TrayState = z.infer<typeof TrayState>

export const TrayAction = z.enum(['toggle-window', 'add-from-clipboard', 'pause-all', 'resume-all', 'quit'])
export type TrayAction = z.infer<typeof TrayAction>

export type TrayMenuItem =
  { type: 'item'; action: TrayAction; label: string; enabled: boolean } | { type: 'separator' }

export interface TrayModel {
  state: TrayState
  /** Base name of the icon in `resources/tray` (`tray-active`; add `Template` on macOS). */
  icon: string
  tooltip: string
  items: TrayMenuItem[]
}

export const PRODUCT_NAME = 'Fichier Desk'

/**
 * The tray as a function of the queue: moving transfers make it `active`; otherwise failures make it
 * `error` (until they are retried or removed), paused transfers `paused`, and nothing at all `idle`.
 */
export function trayState(summary: QueueSummary): TrayState {
  if (runningCount(summary) > 0) return 'active'
  if (summary.counts.failed > 0) return 'error'
  if (summary.counts.paused > 0) return 'paused'
  return 'idle'
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

export function trayTooltip(summary: QueueSummary, state: TrayState = trayState(summary)): string {
  const lines = [PRODUCT_NAME]
  const { counts } = summary
  if (state === 'active') {
    lines.push(`↓ ${formatSpeed(summary.downSpeed)}  ↑ ${formatSpeed(summary.upSpeed)}`)
    const progress = overallProgress(summary)
    const running = plural(runningCount(summary), 'transfer')
    lines.push(progress === null ? `${running} running` : `${Math.floor(progress * 100)}% of ${running}`)
  } else if (state === 'paused') {
    lines.push(`${plural(counts.paused, 'transfer')} paused`)
  } else if (state === 'idle') {
    lines.push('No transfers running')
  }
  if (counts.failed > 0) lines.push(`${plural(counts.failed, 'transfer')} failed`)
  return lines.join('\n')
}

export function trayModel(summary: QueueSummary, view: { windowVisible: boolean }): TrayModel {
  const state = trayState(summary)
  const { counts } = summary
  return {
    state,
    icon: `tray-${state}`,
    tooltip: trayTooltip(summary, state),
    items: [
      {
        type: 'item',
        action: 'toggle-window',
        label: view.windowVisible ? `Hide ${PRODUCT_NAME}` : `Show ${PRODUCT_NAME}`,
        enabled: true,
      },
      { type: 'item', action: 'add-from-clipboard', label: 'Add links from clipboard', enabled: true },
      { type: 'separator' },
      { type: 'item', action: 'pause-all', label: 'Pause all', enabled: runningCount(summary) > 0 },
      { type: 'item', action: 'resume-all', label: 'Resume all', enabled: counts.paused > 0 },
      { type: 'separator' },
      { type: 'item', action: 'quit', label: 'Quit', enabled: true },
    ],
  }
}
