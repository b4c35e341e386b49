import type { z } from 'zod'
import { SettingsPatch } from '../../../shared/model/settings'
import type { Settings } from '../../../shared/model/settings'
import { AppError } from '../lib/app-error'
import { TypedEmitter } from '../lib/typed-emitter'
import { migrateSettings } from './migrate-settings'
import type { SettingsPort } from './settings-port'

/** The settings: read once (migrated), validated on every change, written through the port. */
export class SettingsService {
  readonly #events = new TypedEmitter<{ changed: Settings }>()
  #current: Settings

  constructor(private readonly port: SettingsPort) {
    const stored = port.read()
    this.#current = migrateSettings(stored)
    if (JSON.stringify(stored) !== JSON.stringify(this.#current)) port.write(this.#current)
  }

  get(): Settings {
    return this.#current
  }

  /** Applies a patch; an invalid one changes nothing and throws INVALID_SETTINGS with a readable message. */
  update(patch: unknown): Settings {
    const parsed = SettingsPatch.safeParse(patch)
    if (!parsed.success) {
      throw new AppError('INVALID_SETTINGS', describe(parsed.error), { cause: parsed.error })
    }
    // The schema fills defaults for absent fields: take only the fields the patch names.
    const named = new Set(Object.keys(patch as object))
    const next: Settings = { ...this.#current }
    for (const [name, value] of Object.entries(parsed.data)) {
      if (named.has(name) && value !== undefined) (next as Record<string, unknown>)[name] = value
    }
    this.port.write(next)
    this.#current = next
    this.#events.emit('changed', next)
    return next
  }

  on(event: 'changed', listener: (settings: Settings) => void): () => void {
    return this.#events.on(event, listener)
  }
}

function describe(error: z.ZodError): string {
  const lines = error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') return `Unknown setting: ${issue.keys.join(', ')}`
    const field = issue.path.join('.') || 'settings'
    return `${field}: ${issue.message}`
  })
  return `Invalid settings. ${lines.join('; ')}`
}
