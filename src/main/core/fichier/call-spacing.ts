import type { Clock } from '../lib/clock'

/** Spaces calls at least `intervalMs` apart, in the order they ask. */
export class CallSpacing {
  #next = 0

  constructor(
    private readonly intervalMs: number,
    private readonly clock: Clock,
  ) {}

  async wait(signal?: AbortSignal): Promise<void> {
    const now = this.clock.now()
    const at = Math.max(now, this.#next)
    this.#next = at + this.intervalMs
    if (at > now) await this.clock.sleep(at - now, signal)
  }
}
