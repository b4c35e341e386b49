import type { TransferProgress, TransferStatus } from '../../../shared/model/transfer'
import type { ProgressTick } from './transfer-events'
import type { Clock } from '../lib/clock'
import type { Scheduler } from '../lib/scheduler'
import { SpeedMeter } from './speed-meter'

interface Tracked {
  direction: 'up' | 'down'
  bytes: number
  total: number | null
  meter: SpeedMeter
}

/**
 * Live byte counts of running transfers, kept out of the journal, and one tick for all of them a
 * few times a second (never per chunk), with smoothed speeds and ETAs.
 */
export class ProgressTracker {
  readonly #tracked = new Map<string, Tracked>()
  readonly #down = new SpeedMeter()
  readonly #up = new SpeedMeter()
  readonly #clock: Clock
  readonly #scheduler: Scheduler
  readonly #emit: (tick: ProgressTick) => void
  readonly #counts: () => Record<TransferStatus, number>
  readonly #intervalMs: number
  #cancel: (() => void) | null = null

  constructor(
    clock: Clock,
    scheduler: Scheduler,
    emit: (tick: ProgressTick) => void,
    counts: () => Record<TransferStatus, number>,
    intervalMs = 250,
  ) {
    this.#clock = clock
    this.#scheduler = scheduler
    this.#emit = emit
    this.#counts = counts
    this.#intervalMs = intervalMs
  }

  begin(id: string, direction: 'up' | 'down', bytes: number, total: number | null): void {
    this.#tracked.set(id, { direction, bytes, total, meter: new SpeedMeter() })
    this.#cancel ??= this.#arm()
  }

  /** The next tick; each tick arms the one after while something runs. */
  #arm(): () => void {
    return this.#scheduler.after(this.#intervalMs, () => {
      this.#cancel = null
      this.tick()
      if (this.#tracked.size > 0) this.#cancel ??= this.#arm()
    })
  }

  add(id: string, bytes: number): void {
    const item = this.#tracked.get(id)
    if (!item) return
    const now = this.#clock.now()
    item.bytes += bytes
    item.meter.add(bytes, now)
    ;(item.direction === 'up' ? this.#up : this.#down).add(bytes, now)
  }

  setTotal(id: string, total: number | null): void {
    const item = this.#tracked.get(id)
    if (item) item.total = total
  }

  /** The bytes of a running transfer, or undefined when it is not running. */
  bytes(id: string): number | undefined {
    return this.#tracked.get(id)?.bytes
  }

  reset(id: string): void {
    const item = this.#tracked.get(id)
    if (item) item.bytes = 0
  }

  forget(id: string): void {
    this.#tracked.delete(id)
  }

  tick(): void {
    const at = this.#clock.now()
    const items: TransferProgress[] = []
    let remaining = 0
    for (const [id, item] of this.#tracked) {
      const speed = item.meter.speed(at)
      const left = item.total === null ? null : Math.max(0, item.total - item.bytes)
      if (left !== null) remaining += left
      items.push({
        id,
        bytes: item.bytes,
        total: item.total,
        speed,
        eta: left !== null && speed > 0 ? left / speed : null,
      })
    }
    // With nothing running, the speed is zero, whatever moved in the last seconds.
    const idle = this.#tracked.size === 0
    const downSpeed = idle ? 0 : this.#down.speed(at)
    const upSpeed = idle ? 0 : this.#up.speed(at)
    const speed = downSpeed + upSpeed
    this.#emit({
      at,
      items,
      totals: {
        downSpeed,
        upSpeed,
        counts: this.#counts(),
        eta: speed > 0 && items.length > 0 ? remaining / speed : null,
      },
    })
    if (this.#tracked.size === 0) this.stop()
  }

  stop(): void {
    this.#cancel?.()
    this.#cancel = null
  }
}
