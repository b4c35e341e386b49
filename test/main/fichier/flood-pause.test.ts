import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PAUSE_STATE_FILE } from '../../../src/main/core/fichier/api-pause'
import type { ApiPaused } from '../../../src/main/core/fichier/api-pause'
import { FichierError } from '../../../src/main/core/fichier/fichier-error'
import { InstantClock, startEmulated } from './emulated-client'
import type { Emulated } from './emulated-client'

let env: Emulated
beforeAll(async () => {
  env = await startEmulated()
})
afterAll(() => env.close())

const FLOOD = { status: 'KO', message: 'Flood detected: IP Locked #374' }

describe('flood lock', () => {
  it('pauses every call for the lock time, says so, resumes, and remembers it across a restart', async () => {
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
      until: start + 5 * 60_000,
    })
    expect(events).toEqual([
      { until: start + 5 * 60_000, reason: expect.stringContaining('too many requests') },
    ])
    expect(client.pausedUntil()).toBe(start + 5 * 60_000)
    expect(existsSync(join(env.stateDir, PAUSE_STATE_FILE))).toBe(true)

    // A second client on the same state folder (a restart) knows about the lock and does not call.
    const requestsBefore = env.emulator.control.stats().requests['/v1/folder/ls.cgi'] ?? 0
    const restarted = env.makeClient({ clock, whenPaused: 'fail' })
    expect(restarted.pausedUntil()).toBe(start + 5 * 60_000)
    await expect(restarted.folderList(0)).rejects.toMatchObject({ code: 'FLOOD_LOCKED' })
    expect(env.emulator.control.stats().requests['/v1/folder/ls.cgi'] ?? 0).toBe(requestsBefore)
    restarted.close()

    // The next call waits for the end of the lock, then goes through.
    const listing = await client.folderList(0)
    expect(listing.name).toBe('Root')
    expect(clock.now()).toBeGreaterThanOrEqual(start + 5 * 60_000)
    expect(events.at(-1)).toEqual({ until: null, reason: '' })
    expect(client.pausedUntil()).toBeNull()
    expect(existsSync(join(env.stateDir, PAUSE_STATE_FILE))).toBe(false)
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
