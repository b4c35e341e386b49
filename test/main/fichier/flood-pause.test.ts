import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiPaused } from '../../../src/main/core/fichier/api-pause'
import { BUDGET_FILE } from '../../../src/main/core/fichier/file-budget-store'
import { keyBudgetName } from '../../../src/main/core/fichier/key-budget-dir'
import { FichierError } from '../../../src/main/core/fichier/fichier-error'
import { InstantClock, PREMIUM_KEY, startEmulated } from './emulated-client'
import type { Emulated } from './emulated-client'

let env: Emulated
beforeAll(async () => {
  env = await startEmulated()
})
afterAll(() => env.close())

const FLOOD = { status: 'KO', message: 'Flood detected: IP Locked #374' }
const PROBE = '/v1/upload/get_upload_server.cgi'

/** The pause kept in the key's shared budget file. */
const savedPause = (): unknown => {
  const file = join(env.stateDir, 'keys', keyBudgetName(env.emulator.apiUrl, PREMIUM_KEY), BUDGET_FILE)
  return (JSON.parse(readFileSync(file, 'utf8')) as { pause: unknown }).pause
}
const requests = (path: string): number => env.emulator.control.stats().requests[path] ?? 0

describe('flood lock', () => {
  it('pauses every call for 30 s on #374, says so, checks with one call, resumes, and remembers it across a restart', async () => {
    const clock = new InstantClock()
    const client = env.makeClient({ clock })
    const events: ApiPaused[] = []
    const off = client.on('paused', (event) => events.push(event))
    env.emulator.control.failNext({ path: '/v1/folder/ls.cgi', status: 403, body: FLOOD })
    const start = clock.now()
    const error = await client.folderList(0).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FichierError)
    expect(error).toMatchObject({
      code: 'FLOOD_LOCKED',
      serverCode: 374,
      retriable: true,
      until: start + 30_000,
    })
    expect(events).toEqual([{ until: start + 30_000, reason: expect.stringContaining('too many requests') }])
    expect(client.pausedUntil()).toBe(start + 30_000)
    expect(savedPause()).toMatchObject({ until: start + 30_000 })

    // A second client on the same state folder (a restart) knows about the lock and does not call.
    const requestsBefore = env.emulator.control.stats().requests['/v1/folder/ls.cgi'] ?? 0
    const restarted = env.makeClient({ clock, whenPaused: 'fail' })
    await restarted.syncBudget()
    expect(restarted.pausedUntil()).toBe(start + 30_000)
    await expect(restarted.folderList(0)).rejects.toMatchObject({ code: 'FLOOD_LOCKED' })
    expect(env.emulator.control.stats().requests['/v1/folder/ls.cgi'] ?? 0).toBe(requestsBefore)
    restarted.close()

    // The next calls wait for the end of the lock; one cheap call checks it is over, then they go through.
    const probesBefore = requests(PROBE)
    const [listing, files] = await Promise.all([client.folderList(0), client.fileList(0)])
    expect(listing.name).toBe('Root')
    expect(files.items).toEqual([])
    expect(requests(PROBE)).toBe(probesBefore + 1)
    expect(clock.now()).toBeGreaterThanOrEqual(start + 30_000)
    expect(events.at(-1)).toEqual({ until: null, reason: '' })
    expect(client.pausedUntil()).toBeNull()
    expect(savedPause()).toBeNull()
    off()
  })

  it('locks for an hour on a bare `IP Locked`, and honours Retry-After when given', async () => {
    const clock = new InstantClock()
    const client = env.makeClient({ clock, whenPaused: 'fail', stateDir: null })
    env.emulator.control.failNext({
      path: '/v1/file/ls.cgi',
      status: 403,
      body: { status: 'KO', message: 'IP Locked #186' },
    })
    const error = (await client.fileList(0).catch((e: unknown) => e)) as FichierError
    expect(error.code).toBe('FLOOD_LOCKED')
    expect(error.until).toBe(clock.now() + 60 * 60_000)
    clock.time += 60 * 60_000
    expect(client.pausedUntil()).toBeNull()

    env.emulator.control.failNext({
      path: '/v1/file/ls.cgi',
      status: 403,
      body: FLOOD,
      headers: { 'retry-after': '90' },
    })
    const short = (await client.fileList(0).catch((e: unknown) => e)) as FichierError
    expect(short.until).toBe(clock.now() + 90_000)
    clock.time += 90_000
    client.close()
  })

  it('a flood answer to the check starts a longer pause (twice as long), and slows every call down', async () => {
    const clock = new InstantClock()
    const client = env.makeClient({ clock, whenPaused: 'fail', stateDir: null, callsPerSecond: 10 })
    env.emulator.control.failNext({ path: '/v1/folder/ls.cgi', status: 403, body: FLOOD })
    const first = (await client.folderList(0).catch((e: unknown) => e)) as FichierError
    expect(first.until).toBe(clock.now() + 30_000)
    clock.time += 30_000
    // The check after the pause meets another flood: the next pause is 60 s, and this call is refused.
    env.emulator.control.failNext({ path: PROBE, status: 403, body: FLOOD })
    const checkedAt = clock.now()
    await expect(client.folderList(0)).rejects.toMatchObject({ code: 'FLOOD_LOCKED' })
    const until = client.pausedUntil() as number
    expect(until - checkedAt).toBeGreaterThanOrEqual(60_000)
    expect(until - checkedAt).toBeLessThan(61_000)
    clock.time = until
    clock.sleeps.length = 0
    for (let i = 0; i < 4; i++) await client.fileList(0, { refresh: true })
    // 10 calls/s normally (100 ms apart); after two floods the spacing is 4 × that, shrinking slowly.
    const spacing = clock.sleeps.filter((ms) => ms > 0)
    expect(spacing.length).toBeGreaterThan(2)
    expect(Math.max(...spacing)).toBeGreaterThan(300)
    expect(spacing).toEqual([...spacing].sort((a, b) => b - a))
    client.close()
  })

  it('a real lock from the emulator: one pause, then calls resume', async () => {
    const clock = new InstantClock()
    const client = env.makeClient({ clock, floodLock: { floodMs: 1 }, stateDir: null })
    const events: ApiPaused[] = []
    client.on('paused', (event) => events.push(event))
    env.emulator.control.floodLockNow(60_000)
    await expect(client.userInfo()).rejects.toMatchObject({ code: 'FLOOD_LOCKED' })
    expect(events).toHaveLength(1)
    expect(env.emulator.control.stats().floodLocks).toBeGreaterThanOrEqual(1)
    env.emulator.control.reset()
    env.emulator.control.setRateLimits(false)
    client.close()
  })

  it('a user/info flood (#38) blocks only user/info for 5 minutes', async () => {
    const clock = new InstantClock()
    const client = env.makeClient({ clock, stateDir: null })
    env.emulator.control.failNext({
      path: '/v1/user/info.cgi',
      status: 403,
      body: { status: 'KO', message: 'Flood detected: IP Locked #38' },
    })
    await expect(client.userInfo()).rejects.toMatchObject({ code: 'RATE_LIMITED', serverCode: 38 })
    expect(client.pausedUntil()).toBeNull()
    const before = env.emulator.control.stats().requests['/v1/user/info.cgi'] ?? 0
    await expect(client.userInfo()).rejects.toMatchObject({ code: 'RATE_LIMITED' })
    expect(env.emulator.control.stats().requests['/v1/user/info.cgi'] ?? 0).toBe(before)
    expect((await client.folderList(0)).name).toBe('Root')
    clock.time += 5 * 60_000
    expect((await client.userInfo()).email).toBe('premium@example.com')
    client.close()
  })
})
