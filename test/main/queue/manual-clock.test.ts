import { describe, expect, it } from 'vitest'
import { ManualClock, systemClock } from '../../../src/main/core/lib/clock'

describe('ManualClock', () => {
  it('wakes due sleeps in order of due time, then of call, and stops at the target', async () => {
    const clock = new ManualClock(1_000)
    const woke: Array<[string, number]> = []
    const track = (name: string, ms: number) =>
      void clock.sleep(ms).then(() => woke.push([name, clock.now()]))
    track('c', 300)
    track('a', 100)
    track('b', 100)
    track('late', 1_000)
    await clock.advance(500)
    expect(woke).toEqual([
      ['a', 1_100],
      ['b', 1_100],
      ['c', 1_300],
    ])
    expect(clock.now()).toBe(1_500)
    expect(clock.pending).toBe(1)
    await clock.advance(500)
    expect(woke.at(-1)).toEqual(['late', 2_000])
  })

  it('honours sleeps started by a woken task inside the same advance', async () => {
    const clock = new ManualClock()
    const times: number[] = []
    const loop = async () => {
      for (let i = 0; i < 5; i++) {
        await clock.sleep(100)
        times.push(clock.now())
      }
    }
    const done = loop()
    await clock.advance(350)
    expect(times).toEqual([100, 200, 300])
    await clock.advance(1_000)
    await done
    expect(times).toEqual([100, 200, 300, 400, 500])
  })

  it('rejects a sleep whose signal aborts, and one already aborted', async () => {
    const clock = new ManualClock()
    const controller = new AbortController()
    const sleeping = clock.sleep(1_000, controller.signal)
    controller.abort(new Error('stop'))
    await expect(sleeping).rejects.toThrow('stop')
    expect(clock.pending).toBe(0)
    await expect(clock.sleep(10, controller.signal)).rejects.toThrow('stop')
  })
})

describe('systemClock', () => {
  it('sleeps for real and honours an aborted signal', async () => {
    const before = systemClock.now()
    await systemClock.sleep(5)
    expect(systemClock.now()).toBeGreaterThanOrEqual(before)
    await expect(systemClock.sleep(10_000, AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone')
    await expect(systemClock.sleep(0, AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone')
  })
})
