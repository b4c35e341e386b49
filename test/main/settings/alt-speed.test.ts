import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MemorySecrets } from '../../../src/main/core/account/memory-secrets'
import { createCore } from '../../../src/main/core/create-core'
import { ManualClock } from '../../../src/main/core/lib/clock'
import { AltSpeedWatch } from '../../../src/main/core/settings/alt-speed-watch'
import { createConfSettingsPort } from '../../../src/main/core/settings/conf-settings-port'
import { SettingsService } from '../../../src/main/core/settings/settings-service'
import { altLimitsActive, inSlot, parseMinute, ScheduleSlot } from '../../../src/shared/model/speed-schedule'

const MINUTE = 60_000
/** Local time as the tests define it: day 0 (Sunday) starts at epoch ms 0. */
const toLocal = (ms: number) => ({
  day: Math.floor(ms / 86_400_000) % 7,
  minute: Math.floor((ms % 86_400_000) / MINUTE),
})
const at = (day: number, hhmm: string) => day * 86_400_000 + (parseMinute(hhmm) ?? 0) * MINUTE

describe('the weekly speed schedule', () => {
  it('places a minute inside or outside a slot, over midnight too', () => {
    const workday = {
      days: [1, 2, 3, 4, 5],
      start: parseMinute('08:00') ?? 0,
      end: parseMinute('19:00') ?? 0,
    }
    expect(inSlot(workday, { day: 1, minute: 8 * 60 })).toBe(true)
    expect(inSlot(workday, { day: 1, minute: 19 * 60 })).toBe(false)
    expect(inSlot(workday, { day: 0, minute: 12 * 60 })).toBe(false)
    const night = { days: [5], start: parseMinute('22:00') ?? 0, end: parseMinute('06:00') ?? 0 }
    expect(inSlot(night, { day: 5, minute: 23 * 60 })).toBe(true)
    expect(inSlot(night, { day: 6, minute: 5 * 60 })).toBe(true)
    expect(inSlot(night, { day: 6, minute: 23 * 60 })).toBe(false)
    expect(inSlot(night, { day: 5, minute: 5 * 60 })).toBe(false)
    expect(altLimitsActive('on', [], { day: 0, minute: 0 })).toBe(true)
    expect(altLimitsActive('off', [workday], { day: 1, minute: 9 * 60 })).toBe(false)
  })

  it('refuses slots of no length and days out of the week', () => {
    expect(ScheduleSlot.safeParse({ days: [1], start: 600, end: 600 }).success).toBe(false)
    expect(ScheduleSlot.safeParse({ days: [7], start: 0, end: 60 }).success).toBe(false)
    expect(ScheduleSlot.safeParse({ days: [1], start: 0, end: 1440 }).success).toBe(true)
  })

  it('flips the alternative limits at the slot boundaries and at once when the setting changes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fd-alt-speed-'))
    const clock = new ManualClock(at(1, '07:58') + 30_000)
    const settings = new SettingsService(createConfSettingsPort(dir))
    settings.update({
      altSpeedMode: 'schedule',
      speedSchedule: [{ days: [1], start: parseMinute('08:00') ?? 0, end: parseMinute('08:02') ?? 0 }],
    })
    const watch = new AltSpeedWatch({ settings, clock, toLocal })
    const flips: boolean[] = []
    watch.on('changed', (active) => flips.push(active))
    try {
      expect(watch.active).toBe(false)
      await clock.advance(MINUTE) // 07:59:30
      expect(flips).toEqual([])
      await clock.advance(MINUTE) // 08:00:30
      expect(flips).toEqual([true])
      await clock.advance(MINUTE) // 08:01:30
      expect(watch.active).toBe(true)
      await clock.advance(MINUTE) // 08:02:30
      expect(flips).toEqual([true, false])
      settings.update({ altSpeedMode: 'on' })
      expect(flips).toEqual([true, false, true])
    } finally {
      watch.close()
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('gives the engine the alternative limits while they apply', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'fd-alt-core-'))
    const clock = new ManualClock(Date.now())
    const core = await createCore({
      dataDir,
      defaultDownloadsDir: join(dataDir, 'downloads'),
      secrets: new MemorySecrets(true),
      settingsPort: createConfSettingsPort(join(dataDir, 'settings')),
      app: { version: '0.0.0-test', platform: process.platform },
      env: { FICHIER_API_URL: 'http://127.0.0.1:9/v1' },
      log: () => undefined,
      clock,
    })
    try {
      core.settings.update({
        downloadLimit: 0,
        uploadLimit: 0,
        altDownloadLimit: 300_000,
        altUploadLimit: 100_000,
      })
      expect(core.engine.settings).toMatchObject({ downloadLimit: 0, uploadLimit: 0 })
      core.settings.update({ altSpeedMode: 'on' })
      expect(core.engine.settings).toMatchObject({ downloadLimit: 300_000, uploadLimit: 100_000 })
      core.settings.update({ altSpeedMode: 'off' })
      expect(core.engine.settings).toMatchObject({ downloadLimit: 0, uploadLimit: 0 })
    } finally {
      await core.close()
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
