import { afterAll, beforeAll, expect, it } from 'vitest'
import { startEmulated } from './emulated-client'
import type { Emulated } from './emulated-client'

// Real time, with the emulator's real limits (3 requests/s per IP, then a lock): 200 calls issued at
// once by many callers at the default pace of 2/s take about 100 s and must never trip the lock.
const CALLS = 201

let env: Emulated
beforeAll(async () => {
  env = await startEmulated({ emulator: { rateLimits: true } })
})
afterAll(() => env.close())

it(
  `${CALLS} back-to-back calls from concurrent callers trigger no flood lock`,
  { timeout: 150_000 },
  async () => {
    const client = env.makeClient({ callsPerSecond: undefined, listingIntervalMs: 30_000, stateDir: null })
    const paused: unknown[] = []
    client.on('paused', (event) => paused.push(event))
    const file = await env.emulator.control.createFile({
      key: 'PremiumKeyPremiumKeyPremiumKey01',
      name: 'p.txt',
      content: 'p',
    })
    const calls = Array.from({ length: CALLS - 1 }, (_, i) =>
      i % 3 === 0
        ? client.uploadServer()
        : i % 3 === 1
          ? client.fileInfo(file.url)
          : client.downloadToken(file.url),
    )
    const results = await Promise.allSettled(calls)
    expect(results.filter((r) => r.status === 'rejected')).toEqual([])
    expect(paused).toEqual([])
    expect(env.emulator.control.stats().floodLocks).toBe(0)
  },
)
