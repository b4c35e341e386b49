import type { Scheduler } from './scheduler'

/** Time as the core sees it; tests inject a `ManualClock` to skip waits. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number
  /** Resolves after `ms`; rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason)
        return
      }
      if (ms <= 0) {
        resolve()
        return
      }
      const onAbort = () => {
        clearTimeout(timer)
        reject(signal?.reason)
      }
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      signal?.addEventListener('abort', onAbort, { once: true })
    }),
}

interface Sleeper {
  due: number
  seq: number
  resolve: () => void
}

/**
 * A clock that only moves when told to: `advance(ms)` wakes the due sleepers one by one in order of
 * their due time (then of their call), letting each continuation run before the next wakes, so that
 * sleeps started by a woken task inside the window are honoured too.
 */
export class ManualClock implements Clock, Scheduler {
  #now: number
  #seq = 0
  readonly #sleepers: Sleeper[] = []

  constructor(start = 0) {
    this.#now = start
  }

  now(): number {
    return this.#now
  }

  /** Sleeps not yet woken. */
  get pending(): number {
    return this.#sleepers.length
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason)
    return new Promise<void>((resolve, reject) => {
      const sleeper: Sleeper = {
        due: this.#now + Math.max(0, ms),
        seq: this.#seq++,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort)
          resolve()
        },
      }
      const onAbort = () => {
        const index = this.#sleepers.indexOf(sleeper)
        if (index >= 0) this.#sleepers.splice(index, 1)
        reject(signal?.reason)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.#sleepers.push(sleeper)
    })
  }

  /** A timer in virtual time: `task` runs when `advance` passes its due time. */
  after(ms: number, task: () => void): () => void {
    const cancel = new AbortController()
    void this.sleep(ms, cancel.signal).then(task, () => undefined)
    return () => cancel.abort()
  }

  /** Moves time forward by `ms`, waking every sleep that falls due on the way. */
  async advance(ms: number): Promise<void> {
    const target = this.#now + Math.max(0, ms)
    await settle()
    for (;;) {
      const next = this.#earliest()
      if (!next || next.due > target) break
      this.#sleepers.splice(this.#sleepers.indexOf(next), 1)
      this.#now = Math.max(this.#now, next.due)
      next.resolve()
      await settle()
    }
    this.#now = target
  }

  #earliest(): Sleeper | undefined {
    let best: Sleeper | undefined
    for (const sleeper of this.#sleepers) {
      if (!best || sleeper.due < best.due || (sleeper.due === best.due && sleeper.seq < best.seq))
        best = sleeper
    }
    return best
  }
}

/** Lets pending promise continuations (and the I/O callbacks already queued) run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
