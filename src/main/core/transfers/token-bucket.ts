import type { Clock } from '../lib/clock'

/**
 * A byte-rate limiter shared by every connection of one direction. `rate` is bytes per second,
 * 0 for unlimited; the burst allowance is a quarter of a second of traffic so that many connections
 * do not add up to more than the limit.
 */
export class TokenBucket {
  #rate: number
  #tokens = 0
  #updatedAt: number
  readonly #clock: Clock

  constructor(rate: number, clock: Clock) {
    this.#rate = rate
    this.#clock = clock
    this.#updatedAt = clock.now()
  }

  get rate(): number {
    return this.#rate
  }

  setRate(rate: number): void {
    this.#refill()
    this.#rate = rate
    this.#tokens = Math.min(this.#tokens, this.#burst())
  }

  #burst(): number {
    return Math.max(16 * 1024, this.#rate / 4)
  }

  #refill(): void {
    const now = this.#clock.now()
    if (this.#rate > 0)
      this.#tokens = Math.min(this.#burst(), this.#tokens + ((now - this.#updatedAt) * this.#rate) / 1000)
    this.#updatedAt = now
  }

  /** Waits until `bytes` may pass. Callers take what they are about to send or have just received. */
  async take(bytes: number, signal?: AbortSignal): Promise<void> {
    while (this.#rate > 0) {
      this.#refill()
      if (this.#tokens >= Math.min(bytes, this.#burst())) {
        this.#tokens -= bytes
        return
      }
      const deficit = Math.min(bytes, this.#burst()) - this.#tokens
      await this.#clock.sleep(Math.max(5, Math.ceil((deficit * 1000) / this.#rate)), signal)
    }
  }
}
