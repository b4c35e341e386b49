import type { TransferView } from '../../../shared/model/transfer'
import { TERMINAL_STATUSES } from '../../../shared/model/transfer'
import { systemScheduler, type Scheduler } from '../lib/scheduler'
import type { ChangeBatch } from './transfer-events'

/**
 * Coalesces lifecycle changes into numbered batches: many changes within `delayMs` become one
 * `transfers:changed`, except that a terminal status is published at once.
 */
export class ChangePublisher {
  #revision = 0
  readonly #upserts = new Map<string, TransferView>()
  readonly #removed = new Set<string>()
  #cancel: (() => void) | null = null
  readonly #delayMs: number
  readonly #publish: (batch: ChangeBatch) => void
  readonly #scheduler: Scheduler

  constructor(publish: (batch: ChangeBatch) => void, scheduler: Scheduler = systemScheduler, delayMs = 40) {
    this.#publish = publish
    this.#scheduler = scheduler
    this.#delayMs = delayMs
  }

  get revision(): number {
    return this.#revision
  }

  upsert(view: TransferView): void {
    this.#removed.delete(view.id)
    this.#upserts.set(view.id, view)
    if (TERMINAL_STATUSES.includes(view.status)) this.flush()
    else this.#schedule()
  }

  remove(id: string): void {
    this.#upserts.delete(id)
    this.#removed.add(id)
    this.#schedule()
  }

  #schedule(): void {
    this.#cancel ??= this.#scheduler.after(this.#delayMs, () => this.flush())
  }

  flush(): void {
    this.#cancel?.()
    this.#cancel = null
    if (this.#upserts.size === 0 && this.#removed.size === 0) return
    this.#revision++
    const batch = {
      revision: this.#revision,
      upserts: [...this.#upserts.values()],
      removedIds: [...this.#removed],
    }
    this.#upserts.clear()
    this.#removed.clear()
    this.#publish(batch)
  }
}
