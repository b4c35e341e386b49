import { Settings } from '../../../shared/model/settings'

type Raw = Record<string, unknown>

/** Each step turns version n into n + 1. Version 0 is a store written before `version` existed. */
const STEPS: Record<number, (raw: Raw) => Raw> = {
  0: (raw) => ({ ...raw, version: 1 }),
  /** The API address left the settings: it comes from FICHIER_API_URL, out of the window's reach. */
  1: ({ apiBaseUrl: _dropped, ...raw }) => ({ ...raw, version: 2 }),
}

const CURRENT = 2

/**
 * Settings from whatever was stored: migrated by `version`, then validated field by field so that one
 * bad value falls back to its default instead of discarding the rest.
 */
export function migrateSettings(stored: unknown): Settings {
  let raw: Raw =
    typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? { ...(stored as Raw) } : {}
  let version = typeof raw['version'] === 'number' ? raw['version'] : 0
  if (version > CURRENT) raw = {}
  while (version < CURRENT) {
    const step = STEPS[version]
    if (!step) break
    raw = step(raw)
    version += 1
  }
  const kept: Raw = {}
  for (const [name, schema] of Object.entries(Settings.shape)) {
    if (!(name in raw)) continue
    const field = schema.safeParse(raw[name])
    if (field.success) kept[name] = field.data
  }
  kept['version'] = CURRENT
  return Settings.parse(kept)
}
