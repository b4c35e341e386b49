import { describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/main/core/lib/clock'
import { TokenBucket } from '../../../src/main/core/transfers/token-bucket'

const KiB = 1024

/** Runs `connections` loops taking `chunk` bytes each for `seconds` of virtual time; returns bytes let through. */
async function drive(
  bucket: TokenBucket,
  clock: ManualClock,
  connections: number,
  chunk: number,
  seconds: number,
) {
  let passed = 0
  let running = true
  const loops = Array.from({ length: connections }, async () => {
    while (running) {
      await bucket.take(chunk)
      if (running) passed += chunk
    }
  })
  for (let t = 0; t < seconds * 100; t++) await clock.advance(10)
  running = false
  bucket.setRate(0)
  await clock.advance(10_000)
  await Promise.all(loops)
  return passed
}

describe('TokenBucket', () => {
  it('holds a limit shared by many connections within 10% over 10 s', async () => {
    const clock = new ManualClock(0)
    const bucket = new TokenBucket(1024 * KiB, clock)
    const passed = await drive(bucket, clock, 8, 64 * KiB, 10)
    expect(passed / (10 * 1024 * KiB)).toBeGreaterThan(0.9)
    expect(passed / (10 * 1024 * KiB)).toBeLessThan(1.1)
  })

  it('follows a new rate at once and lets everything through at 0', async () => {
    const clock = new ManualClock(0)
    const bucket = new TokenBucket(256 * KiB, clock)
    const slow = await drive(bucket, clock, 2, 16 * KiB, 4)
    expect(slow / (4 * 256 * KiB)).toBeGreaterThan(0.9)
    expect(slow / (4 * 256 * KiB)).toBeLessThan(1.1)
    const open = new TokenBucket(0, clock)
    for (let i = 0; i < 1000; i++) await open.take(1024 * KiB)
    expect(clock.now()).toBe(4 * 1000 + 10_000)
  })
})
