import Conf from 'conf'
import type { Settings } from '../../../shared/model/settings'
import type { SettingsPort } from './settings-port'

/** Settings in `<dir>/settings.json` through conf (atomic writes), for the CLI and tests. */
export function createConfSettingsPort(dir: string): SettingsPort {
  const conf = new Conf<Record<string, unknown>>({
    cwd: dir,
    configName: 'settings',
    projectName: 'fichier-desk',
  })
  return {
    read: () => (conf.size === 0 ? undefined : conf.store),
    write: (value: Settings) => {
      conf.store = { ...value }
    },
  }
}
