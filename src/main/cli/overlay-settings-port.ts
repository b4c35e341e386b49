import type { Settings, SettingsPatch } from '../../shared/model/settings'
import type { SettingsPort } from '../core/settings/settings-port'

/**
 * Settings for one command: the stored ones with the command's options (`--jobs`, `--limit`…) laid
 * over them. The options are never written back; the stored values of those fields are kept.
 */
export function overlaySettingsPort(base: SettingsPort, overrides: SettingsPatch): SettingsPort {
  const stored = (): Record<string, unknown> => {
    const value = base.read()
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {}
  }
  return {
    read: () => ({ ...stored(), ...overrides }),
    write: (value: Settings) => {
      const before = stored()
      const next: Record<string, unknown> = { ...value }
      for (const key of Object.keys(overrides)) {
        if (key in before) next[key] = before[key]
        else delete next[key]
      }
      base.write(next as Settings)
    },
  }
}
