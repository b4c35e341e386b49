import { describe, expect, it } from 'vitest'
import { ApiPause } from '../../../src/main/core/fichier/api-pause'
import { MemoryBudgetStore } from '../../../src/main/core/fichier/budget-store'
import { InstantClock } from './emulated-client'

const stated = { stated: false }

describe('ApiPause length', () => {
  it('calls that were on their way when the lock began do not lengthen it', async () => {
    const clock = new InstantClock()
    const store = new MemoryBudgetStore()
    const pause = new ApiPause(clock)
    const start = clock.now()
    const ends = await Promise.all([1, 2, 3].map(() => pause.start(store, 30_000, 'flood', stated)))
    expect(ends).toEqual([start + 30_000, start + 30_000, start + 30_000])
  })

  it('doubles for a flood soon after the last pause ended, up to 16 times, and starts over after a quiet spell', async () => {
    const clock = new InstantClock()
    const store = new MemoryBudgetStore()
    const pause = new ApiPause(clock)
    const lengths: number[] = []
    for (let i = 0; i < 6; i++) {
      const begun = clock.now()
      const until = await pause.start(store, 30_000, 'flood', stated)
      lengths.push(until - begun)
      clock.time = until
      await store.update((state) => {
        state.pause = null
        state.lastPauseEnd = clock.now()
      })
      clock.time += 60_000
    }
    expect(lengths).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 480_000])
    clock.time += 10 * 60_000
    const begun = clock.now()
    expect((await pause.start(store, 30_000, 'flood', stated)) - begun).toBe(30_000)
    // A length the answer stated (Retry-After) is taken as it is.
    clock.time += 60 * 60_000
    const again = clock.now()
    expect((await pause.start(store, 90_000, 'flood', { stated: true })) - again).toBe(90_000)
  })
})
