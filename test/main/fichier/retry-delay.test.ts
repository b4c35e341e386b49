import { describe, expect, it } from 'vitest'
import { parseRetryAfter, retryDelay } from '../../../src/main/core/fichier/retry-delay'
import { RequestPacer } from '../../../src/main/core/fichier/pacer'
import { InstantClock } from './emulated-client'

const policy = { attempts: 5, baseMs: 500, maxMs: 4_000 }
const now = Date.UTC(2026, 0, 1)

describe('retryDelay', () => {
  it('grows exponentially up to the ceiling, with jitter in the upper half', () => {
    expect(retryDelay(1, policy, { now, random: () => 0 })).toBe(250)
    expect(retryDelay(1, policy, { now, random: () => 1 })).toBe(500)
    expect(retryDelay(2, policy, { now, random: () => 1 })).toBe(1000)
    expect(retryDelay(3, policy, { now, random: () => 0.5 })).toBe(1500)
    expect(retryDelay(10, policy, { now, random: () => 1 })).toBe(4000)
    const spread = new Set(Array.from({ length: 20 }, () => retryDelay(3, policy, { now })))
    expect(spread.size).toBeGreaterThan(1)
  })

  it('honours Retry-After in seconds or as a date, bounded to 10 minutes', () => {
    expect(retryDelay(1, policy, { now, retryAfter: '7' })).toBe(7000)
    expect(retryDelay(1, policy, { now, retryAfter: new Date(now + 30_000).toUTCString() })).toBe(30_000)
    expect(retryDelay(1, policy, { now, retryAfter: '86400' })).toBe(600_000)
    expect(parseRetryAfter('soon', now)).toBeNull()
    expect(parseRetryAfter(undefined, now)).toBeNull()
  })
})

describe('RequestPacer', () => {
  it('spaces call starts by 1/rate, whoever the callers are', async () => {
    const clock = new InstantClock()
    const pacer = new RequestPacer(clock, 2)
    const t0 = clock.now()
    // Five callers at once: the first goes now, each other one slot (500 ms) after the previous one.
    await Promise.all(Array.from({ length: 5 }, () => pacer.acquire()))
    expect(clock.sleeps).toEqual([500, 500, 500, 500])
    expect(clock.now() - t0).toBe(2000)
    pacer.setRate(4)
    clock.sleeps.length = 0
    clock.time += 10_000
    await Promise.all(Array.from({ length: 3 }, () => pacer.acquire()))
    expect(clock.sleeps).toEqual([250, 250])
  })
})
