import type { Clock } from '../lib/clock'

/**
 * Spaces request starts so that at most `perSecond` begin in any second. One pacer is shared by
 * every caller using the same key (1fichier counts per IP and per key).
 */
export class RequestPacer {
  #intervalMs: number
  #nextSlot = 0
  readonly #clock: Clock

  constructor(clock: Clock, perSecond = 2) {
    this.#clock = clock
    this.#intervalMs = 1000 / perSecond
  }

  setRate(perSecond: number): void {
    if (!(perSecond > 0)) throw new RangeError('perSecond must be positive')
    this.#intervalMs = 1000 / perSecond
  }

  /** Waits for this caller's turn. */
  async acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted()
    const now = this.#clock.now()
    const slot = Math.max(now, this.#nextSlot)
    this.#nextSlot = slot + this.#intervalMs
    if (slot > now) await this.#clock.sleep(slot - now, signal)
  }
}
