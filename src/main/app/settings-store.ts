import Store from 'electron-store'
import type { Settings } from '../../shared/model/settings'
import type { SettingsPort } from '../core/settings/settings-port'

/** Settings in electron-store `settings.json` (the app's user data folder); migration is done by SettingsService. */
export function createElectronSettingsPort(): SettingsPort {
  const store = new Store<Record<string, unknown>>({ name: 'settings', clearInvalidConfig: false })
  return {
    read: () => (store.size === 0 ? undefined : store.store),
    write: (value: Settings) => {
      store.store = { ...value }
    },
  }
}
