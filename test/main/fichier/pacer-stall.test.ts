import { describe, expect, it } from 'vitest'
import type { Clock } from '../../../src/main/core/lib/clock'
import { RequestPacer } from '../../../src/main/core/fichier/pacer'

/** A clock whose timers fire only when the test says so, possibly late (a stalled process). */
class LateClock implements Clock {
  time = 0
  readonly sleepers: Array<{ due: number; resolve: () => void }> = []
  now(): number {
    return this.time
  }
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.sleepers.push({ due: this.time + ms, resolve }))
  }
  /** Jumps to `time` and fires every timer due by then at once, as after a stall. */
  async stallUntil(time: number): Promise<void> {
    this.time = time
    for (const sleeper of this.sleepers.splice(0).filter((s) => s.due <= time)) sleeper.resolve()
    for (let i = 0; i < 10; i++) await Promise.resolve()
  }
}

describe('RequestPacer after a stall', () => {
  it('measures each turn from the previous grant, so late timers do not send a burst', async () => {
    const clock = new LateClock()
    const pacer = new RequestPacer(clock, 2)
    const grants: number[] = []
    const take = () => pacer.acquire().then(() => grants.push(clock.now()))
    const calls = [take(), take(), take()]
    await clock.stallUntil(0)
    expect(grants).toEqual([0])
    // The second caller's timer (due at 500) fires 1 s late; the third must still wait 500 ms after it.
    await clock.stallUntil(1500)
    expect(grants).toEqual([0, 1500])
    expect(clock.sleepers.map((s) => s.due)).toEqual([2000])
    await clock.stallUntil(2000)
    await Promise.all(calls)
    expect(grants).toEqual([0, 1500, 2000])
  })

  it('gives the turn up at once when the caller aborts while waiting in line', async () => {
    const clock = new LateClock()
    const pacer = new RequestPacer(clock, 2)
    await pacer.acquire()
    const second = pacer.acquire()
    const controller = new AbortController()
    const third = pacer.acquire(controller.signal)
    controller.abort(new Error('cancelled'))
    await expect(third).rejects.toThrow('cancelled')
    await clock.stallUntil(500)
    await second
    // The aborted caller took no slot: the next one is due 500 ms after the second grant.
    const fourth = pacer.acquire()
    for (let i = 0; i < 10; i++) await Promise.resolve()
    expect(clock.sleepers.map((s) => s.due)).toEqual([1000])
    await clock.stallUntil(1000)
    await fourth
  })
})
