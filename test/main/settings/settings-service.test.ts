import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createConfSettingsPort } from '../../../src/main/core/settings/conf-settings-port'
import { migrateSettings } from '../../../src/main/core/settings/migrate-settings'
import { SettingsService } from '../../../src/main/core/settings/settings-service'
import { AppError } from '../../../src/main/core/lib/app-error'
import { DEFAULT_SETTINGS } from '../../../src/shared/model/settings'
import type { Settings } from '../../../src/shared/model/settings'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fichier-settings-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('SettingsService', () => {
  it('starts from the defaults, persists a valid patch in <dir>/settings.json and announces it', () => {
    const service = new SettingsService(createConfSettingsPort(dir))
    expect(service.get()).toEqual(DEFAULT_SETTINGS)
    const seen: Settings[] = []
    const off = service.on('changed', (settings) => seen.push(settings))
    const next = service.update({ maxActive: 5, theme: 'dark', downloadLimit: 1_000_000 })
    expect(next).toMatchObject({ maxActive: 5, theme: 'dark', downloadLimit: 1_000_000, version: 2 })
    expect(seen).toEqual([next])
    off()
    service.update({ notifications: false })
    expect(seen).toHaveLength(1)

    const onDisk = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as Settings
    expect(onDisk).toMatchObject({ maxActive: 5, theme: 'dark', notifications: false })
    expect(new SettingsService(createConfSettingsPort(dir)).get()).toEqual(service.get())
  })

  it('refuses an invalid patch with INVALID_SETTINGS and a readable message, changing nothing', () => {
    const service = new SettingsService(createConfSettingsPort(dir))
    const before = service.get()
    const bad = (() => {
      try {
        service.update({ maxActive: 0, theme: 'pink' })
      } catch (error) {
        return error
      }
      return null
    })()
    expect(bad).toBeInstanceOf(AppError)
    expect(bad).toMatchObject({ code: 'INVALID_SETTINGS' })
    expect((bad as Error).message).toMatch(/^Invalid settings\. /)
    expect((bad as Error).message).toContain('maxActive')
    expect((bad as Error).message).toContain('theme')
    expect(() => service.update({ sneaky: true })).toThrow(/Unknown setting: sneaky/)
    expect(() => service.update({ version: 2 })).toThrow(AppError)
    expect(service.get()).toEqual(before)
  })

  it('migrates an old store (no version) and keeps the good fields of a partly broken one', () => {
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ maxActive: 7, theme: 'neon', closeToTray: false, obsolete: 1 }),
    )
    const service = new SettingsService(createConfSettingsPort(dir))
    expect(service.get()).toEqual({ ...DEFAULT_SETTINGS, maxActive: 7, closeToTray: false, version: 2 })
    const onDisk = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as Record<string, unknown>
    expect(onDisk['version']).toBe(2)
    expect(onDisk['obsolete']).toBeUndefined()
  })

  it('reads anything stored without throwing', () => {
    expect(migrateSettings(null)).toEqual(DEFAULT_SETTINGS)
    expect(migrateSettings('garbage')).toEqual(DEFAULT_SETTINGS)
    expect(migrateSettings([1, 2])).toEqual(DEFAULT_SETTINGS)
    expect(migrateSettings({ version: 99, maxActive: 4 })).toEqual(DEFAULT_SETTINGS)
  })

  it('drops the API address a version 1 store carried, keeping the rest', () => {
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ version: 1, apiBaseUrl: 'http://evil.example/v1', maxActive: 6 }),
    )
    const service = new SettingsService(createConfSettingsPort(dir))
    expect(service.get()).toEqual({ ...DEFAULT_SETTINGS, maxActive: 6 })
    const onDisk = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as Record<string, unknown>
    expect(onDisk).toMatchObject({ version: 2, maxActive: 6 })
    expect(onDisk).not.toHaveProperty('apiBaseUrl')
    expect(() => service.update({ apiBaseUrl: 'https://elsewhere.example/v1' })).toThrow(
      /Unknown setting: apiBaseUrl/,
    )
  })
})
