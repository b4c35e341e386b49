import type { BrowserWindow } from 'electron'

/**
 * With the close-to-tray setting on, closing the window hides it instead (transfers keep running in
 * the main process); a real quit still closes it. Returns a function that removes the behaviour.
 */
export function hideOnClose(
  window: BrowserWindow,
  when: { closeToTray: () => boolean; quitting: () => boolean },
): () => void {
  const onClose = (event: Electron.Event) => {
    if (when.quitting() || !when.closeToTray()) return
    event.preventDefault()
    window.hide()
  }
  window.on('close', onClose)
  return () => window.off('close', onClose)
}
