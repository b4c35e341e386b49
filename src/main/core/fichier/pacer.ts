import type { Clock } from '../lib/clock'
import { MemoryBudgetStore } from './budget-store'
import type { BudgetStore } from './budget-store'

/** Calls per second the client starts at: under the ~2/s 1fichier tolerates (rclone PR #4160). */
export const DEFAULT_CALLS_PER_SECOND = 1.9

/** The slowest pace a run of flood answers can bring calls down to. */
const MAX_SLOW_INTERVAL_MS = 8_000
/** Each call granted after a slow-down brings the pace back this much closer to normal. */
const RECOVERY = 0.93

/**
 * Spaces request starts: one every `1 / perSecond` s, slower after a flood or rate answer
 * (multiplicative decrease: the spacing doubles) and back to normal slowly (it shrinks by 7% with
 * each call). The pace is kept in a `BudgetStore`, so every process using the same key shares it.
 *
 * Callers take turns, and each turn is measured from the moment the previous one was actually
 * granted, not from when it was due: when the process stalls (a busy event loop, a loaded machine),
 * timers due during the stall fire together, and slots booked in advance would then send their
 * requests in a burst that trips the server's flood lock.
 */
export class RequestPacer {
  #intervalMs: number
  /** Settles when the last caller in line has had its turn. */
  #tail: Promise<void> = Promise.resolve()
  readonly #clock: Clock
  readonly #store: BudgetStore

  constructor(
    clock: Clock,
    perSecond = DEFAULT_CALLS_PER_SECOND,
    store: BudgetStore = new MemoryBudgetStore(),
  ) {
    this.#clock = clock
    this.#intervalMs = 1000 / perSecond
    this.#store = store
  }

  setRate(perSecond: number): void {
    if (!(perSecond > 0)) throw new RangeError('perSecond must be positive')
    this.#intervalMs = 1000 / perSecond
  }

  /** Halves the pace of every caller of `store` (a flood or rate answer came back). */
  async slowDown(store: BudgetStore = this.#store): Promise<void> {
    await store.update((state) => {
      state.slowIntervalMs = Math.min(
        MAX_SLOW_INTERVAL_MS,
        2 * Math.max(state.slowIntervalMs, this.#intervalMs),
      )
    })
  }

  /** Waits for this caller's turn; an abort rejects at once and gives the turn up. */
  async acquire(signal?: AbortSignal, store: BudgetStore = this.#store): Promise<void> {
    signal?.throwIfAborted()
    const previous = this.#tail
    let release: () => void = () => undefined
    this.#tail = new Promise<void>((resolve) => (release = resolve))
    const turn = (async () => {
      try {
        await previous
        for (;;) {
          signal?.throwIfAborted()
          const wait = await store.update((state) => this.#grant(state))
          if (wait <= 0) return
          await this.#clock.sleep(wait, signal)
        }
      } finally {
        release()
      }
    })()
    if (!signal) return turn
    turn.catch(() => undefined)
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(signal.reason)
      signal.addEventListener('abort', onAbort, { once: true })
      turn.then(
        () => {
          signal.removeEventListener('abort', onAbort)
          resolve()
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort)
          reject(error)
        },
      )
    })
  }

  /** How long to wait before the next call, or 0 when it may go now (then it counts as sent). */
  #grant(state: { lastGrant: number | null; slowIntervalMs: number }): number {
    const now = this.#clock.now()
    const interval = Math.max(this.#intervalMs, state.slowIntervalMs)
    const last = state.lastGrant
    const wait = last === null ? 0 : last + interval - now
    // A grant "in the future" means the clock went back since: it does not count.
    if (wait > 0 && last !== null && last <= now) return wait
    state.lastGrant = now
    const slower = state.slowIntervalMs * RECOVERY
    state.slowIntervalMs = slower > this.#intervalMs ? slower : 0
    return 0
  }
}
