import type { Settings } from '../../../shared/model/settings'

/** Where settings are kept: electron-store in the app, conf in plain Node. */
export interface SettingsPort {
  /** The stored object as found (maybe old, partial or invalid), or undefined/null when none. */
  read(): unknown
  write(value: Settings): void
}
