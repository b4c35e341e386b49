import type { AppTray } from './tray'
import type { MainWindow } from './main-window'

export const TEST_HOOKS_ENV = 'FICHIER_DESK_TEST_HOOKS'

/**
 * With `FICHIER_DESK_TEST_HOOKS=1`, exposes read-only views the end-to-end tests cannot get from
 * Electron (a tray's menu is not enumerable) as `globalThis.fichierDeskTest` in the main process.
 */
export function exposeTestHooks(
  env: Record<string, string | undefined>,
  parts: { tray: AppTray; window: MainWindow },
): void {
  if (env[TEST_HOOKS_ENV] !== '1') return
  Object.defineProperty(globalThis, 'fichierDeskTest', {
    value: Object.freeze({
      tray: () => parts.tray.describe(),
      windowVisible: () => parts.window.visible,
    }),
  })
}
