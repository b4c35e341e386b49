/**
 * Bytes per second over a sliding window of one-second buckets, so a stall shows as a falling
 * speed within seconds and a burst does not spike the display.
 */
export class SpeedMeter {
  readonly #windowSeconds: number
  readonly #buckets = new Map<number, number>()

  constructor(windowSeconds = 5) {
    this.#windowSeconds = windowSeconds
  }

  add(bytes: number, now: number): void {
    const second = Math.floor(now / 1000)
    this.#buckets.set(second, (this.#buckets.get(second) ?? 0) + bytes)
  }

  /** Speed over the window ending now; the current, partial second counts for its elapsed part. */
  speed(now: number): number {
    const current = Math.floor(now / 1000)
    const oldest = current - this.#windowSeconds + 1
    let total = 0
    for (const [second, bytes] of this.#buckets) {
      if (second < oldest) this.#buckets.delete(second)
      else total += bytes
    }
    const elapsed = this.#windowSeconds - 1 + (now % 1000) / 1000
    return elapsed > 0 ? total / elapsed : 0
  }
}
