import { app, type BrowserWindow } from 'electron'
import type { TaskbarModel } from './taskbar-model'

/** Taskbar/dock progress on the window, and the badge where the OS has one (macOS, Unity launchers). */
export function renderTaskbar(window: BrowserWindow | null, model: TaskbarModel): void {
  if (window && !window.isDestroyed()) {
    window.setProgressBar(model.progress, { mode: model.mode })
  }
  app.setBadgeCount(model.badge)
}
