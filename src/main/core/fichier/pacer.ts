import type { Clock } from '../lib/clock'

/**
 * Spaces request starts so that at most `perSecond` begin in any second. One pacer is shared by
 * every caller using the same key (1fichier counts per IP and per key).
 *
 * Callers take turns, and each turn is measured from the moment the previous one was actually
 * granted, not from when it was due: when the process stalls (a busy event loop, a loaded machine),
 * timers due during the stall fire together, and slots booked in advance would then send their
 * requests in a burst that trips the server's flood lock.
 */
export class RequestPacer {
  #intervalMs: number
  #lastGrant = Number.NEGATIVE_INFINITY
  /** Settles when the last caller in line has had its turn. */
  #tail: Promise<void> = Promise.resolve()
  readonly #clock: Clock

  constructor(clock: Clock, perSecond = 2) {
    this.#clock = clock
    this.#intervalMs = 1000 / perSecond
  }

  setRate(perSecond: number): void {
    if (!(perSecond > 0)) throw new RangeError('perSecond must be positive')
    this.#intervalMs = 1000 / perSecond
  }

  /** Waits for this caller's turn; an abort rejects at once and gives the turn up. */
  async acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted()
    const previous = this.#tail
    let release: () => void = () => undefined
    this.#tail = new Promise<void>((resolve) => (release = resolve))
    const turn = (async () => {
      try {
        await previous
        signal?.throwIfAborted()
        const wait = this.#lastGrant + this.#intervalMs - this.#clock.now()
        if (wait > 0) await this.#clock.sleep(wait, signal)
        this.#lastGrant = this.#clock.now()
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
}
