import { HIDDEN_FLAG } from './launch-args'

/** `app.setLoginItemSettings` input for the start-at-login and start-minimized settings. */
export function loginItemSettings(settings: { startAtLogin: boolean; startMinimized: boolean }) {
  return {
    openAtLogin: settings.startAtLogin,
    // macOS reads openAsHidden; Windows passes args to the executable.
    openAsHidden: settings.startMinimized,
    args: settings.startMinimized ? [HIDDEN_FLAG] : [],
  }
}
