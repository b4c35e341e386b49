import type { Settings } from '../../../shared/model/settings'
import { altLimitsActive, localMinute, type LocalMinute } from '../../../shared/model/speed-schedule'
import type { Clock } from '../lib/clock'
import { TypedEmitter } from '../lib/typed-emitter'

export interface AltSpeedWatchOptions {
  settings: { get(): Settings; on(event: 'changed', listener: (settings: Settings) => void): () => void }
  clock: Clock
  /** The local weekday and minute of an instant (the machine's time zone unless a test says otherwise). */
  toLocal?: (ms: number) => LocalMinute
}

/**
 * Whether the alternative speed limits apply now: follows the setting at once when it changes, and the
 * weekly schedule at each minute boundary (slots are whole minutes). Tells `changed` only when the answer flips.
 */
export class AltSpeedWatch {
  readonly #events = new TypedEmitter<{ changed: boolean }>()
  readonly #options: AltSpeedWatchOptions
  readonly #toLocal: (ms: number) => LocalMinute
  readonly #stop = new AbortController()
  readonly #unsubscribe: () => void
  #active: boolean

  constructor(options: AltSpeedWatchOptions) {
    this.#options = options
    this.#toLocal = options.toLocal ?? localMinute
    this.#active = this.#evaluate()
    this.#unsubscribe = options.settings.on('changed', () => this.#check())
    void this.#tick()
  }

  /** Whether the alternative limits apply now. */
  get active(): boolean {
    return this.#active
  }

  on(event: 'changed', listener: (active: boolean) => void): () => void {
    return this.#events.on(event, listener)
  }

  close(): void {
    this.#unsubscribe()
    this.#stop.abort()
  }

  #evaluate(): boolean {
    const settings = this.#options.settings.get()
    return altLimitsActive(
      settings.altSpeedMode,
      settings.speedSchedule,
      this.#toLocal(this.#options.clock.now()),
    )
  }

  #check(): void {
    const next = this.#evaluate()
    if (next === this.#active) return
    this.#active = next
    this.#events.emit('changed', next)
  }

  async #tick(): Promise<void> {
    const { clock } = this.#options
    while (!this.#stop.signal.aborted) {
      // Just past the next minute boundary, so that a slot starting then is already in force.
      const wait = 60_000 - (clock.now() % 60_000) + 10
      try {
        await clock.sleep(wait, this.#stop.signal)
      } catch {
        return
      }
      this.#check()
    }
  }
}
