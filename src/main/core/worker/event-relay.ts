import type { EventChannel } from '../../../shared/contract'

type Send = (event: EventChannel, payload: unknown) => void

/**
 * Passes events on in order, except that progress ticks are spaced: a tick is sent at once when
 * the last one left at least `spacingMs` ago, otherwise it waits for the end of that interval and
 * a newer tick replaces it (a tick holds every active transfer, so the newest says all). Any other
 * event first sends the waiting tick, so a lifecycle change never overtakes the progress before it.
 */
export class EventRelay {
  #pending: unknown
  #hasPending = false
  #timer: ReturnType<typeof setTimeout> | null = null
  #lastTickAt = Number.NEGATIVE_INFINITY

  constructor(
    private readonly send: Send,
    private readonly spacingMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(event: EventChannel, payload: unknown): void {
    if (event !== 'transfers:progress') {
      this.flush()
      this.send(event, payload)
      return
    }
    const wait = this.#lastTickAt + this.spacingMs - this.now()
    if (wait <= 0 && !this.#hasPending) {
      this.#sendTick(payload)
      return
    }
    this.#pending = payload
    this.#hasPending = true
    this.#timer ??= setTimeout(() => this.flush(), Math.max(0, wait))
  }

  /** Sends the waiting tick, if any, now. */
  flush(): void {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
    if (!this.#hasPending) return
    const payload = this.#pending
    this.#pending = undefined
    this.#hasPending = false
    this.#sendTick(payload)
  }

  #sendTick(payload: unknown): void {
    this.#lastTickAt = this.now()
    this.send('transfers:progress', payload)
  }
}
