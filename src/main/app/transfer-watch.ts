import type { TransferStatus, TransferView } from '../../shared/model/transfer'
import type { EventMap } from '../core/ipc/handlers'
import type { Clock } from '../core/lib/clock'
import { TypedEmitter } from '../core/lib/typed-emitter'
import { FinishDetector } from './finish-detector'
import type { FinishedTransfer } from './notification-batcher'
import { summarizeQueue, type QueueSummary } from './queue-summary'

export interface TransferSource {
  events: Pick<TypedEmitter<EventMap>, 'on'>
  /** A fresh list (the core may answer from another thread: the watch never waits on it). */
  list(): Promise<{ revision: number; items: TransferView[] }> | { revision: number; items: TransferView[] }
}

export type TransferWatchEvents = {
  /** The queue changed (at once on lifecycle changes, at most once per `summaryIntervalMs` on ticks). */
  summary: QueueSummary
  /** Transfers that just completed or failed. */
  finished: FinishedTransfer[]
}

/**
 * The main process's own view of the queue, kept like the renderer keeps it (snapshot, then
 * numbered batches, a new snapshot on a gap): what the tray, taskbar, notifications and the quit
 * prompt are drawn from. The list is asked for asynchronously; batches that arrive while it is on
 * its way are held, then those newer than the list are applied. No Electron here.
 */
export class TransferWatch {
  readonly #events = new TypedEmitter<TransferWatchEvents>()
  readonly #items = new Map<string, TransferView>()
  readonly #finish = new FinishDetector()
  readonly #source: TransferSource
  readonly #clock: Pick<Clock, 'now'>
  readonly #intervalMs: number
  readonly #unsubscribe: Array<() => void>
  readonly #log: (message: string) => void
  #revision = 0
  #loading: Promise<void> | null = null
  readonly #held: EventMap['transfers:changed'][] = []
  #disposed = false
  #tick: EventMap['transfers:progress'] | undefined
  #summary: QueueSummary
  #lastTickSummaryAt = Number.NEGATIVE_INFINITY

  constructor(
    source: TransferSource,
    options: {
      clock: Pick<Clock, 'now'>
      summaryIntervalMs?: number
      /** Told when a list could not be had (the watch keeps what it had and tries at the next batch). */
      log?: (message: string) => void
    },
  ) {
    this.#source = source
    this.#clock = options.clock
    this.#intervalMs = options.summaryIntervalMs ?? 1000
    this.#log = options.log ?? (() => undefined)
    this.#unsubscribe = [
      source.events.on('transfers:changed', (batch) => this.#onChanged(batch)),
      source.events.on('transfers:progress', (tick) => this.#onTick(tick)),
    ]
    this.#summary = summarizeQueue([])
    this.#load(() => {
      this.#finish.seed(this.#items.values())
      return []
    })
  }

  /** Settles once the first list is in (or could not be had). */
  get ready(): Promise<void> {
    return this.#loading ?? Promise.resolve()
  }

  on<E extends keyof TransferWatchEvents>(
    event: E,
    listener: (payload: TransferWatchEvents[E]) => void,
  ): () => void {
    return this.#events.on(event, listener)
  }

  get summary(): QueueSummary {
    return this.#summary
  }

  /** Ids of the transfers now in `status`. */
  idsWith(status: TransferStatus): string[] {
    return [...this.#items.values()].filter((item) => item.status === status).map((item) => item.id)
  }

  /** Every queued link (downloads' sources), to tell new clipboard links from known ones. */
  knownSources(): string[] {
    return [...this.#items.values()].filter((item) => item.kind === 'download').map((item) => item.source)
  }

  dispose(): void {
    this.#disposed = true
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe()
  }

  /** Asks for a fresh list, then lets `finishedAfter` say what finished compared with before. */
  #load(finishedAfter: (gone: string[]) => FinishedTransfer[]): void {
    if (this.#loading) return
    const loading = (async () => {
      try {
        const list = await this.#source.list()
        if (this.#disposed) return
        const finished = finishedAfter(this.#snapshot(list))
        this.#emitSummary()
        if (finished.length > 0) this.#events.emit('finished', finished)
      } catch (error) {
        this.#log(
          `the transfer list could not be read: ${error instanceof Error ? error.message : String(error)}`,
        )
      } finally {
        this.#loading = null
      }
      for (const batch of this.#held.splice(0)) if (!this.#disposed) this.#onChanged(batch)
    })()
    this.#loading = loading
  }

  /** Replaces the items with a fresh list; answers the items that are gone. */
  #snapshot({ revision, items }: { revision: number; items: TransferView[] }): string[] {
    const gone = new Set(this.#items.keys())
    this.#revision = revision
    this.#items.clear()
    for (const item of items) {
      this.#items.set(item.id, item)
      gone.delete(item.id)
    }
    return [...gone]
  }

  #onChanged(batch: EventMap['transfers:changed']): void {
    if (this.#loading) {
      this.#held.push(batch)
      return
    }
    if (batch.revision > this.#revision + 1) {
      // A gap: what finished meanwhile is still found by comparing with the new snapshot.
      this.#load((gone) => this.#finish.observe([...this.#items.values()], gone))
      return
    }
    if (batch.revision !== this.#revision + 1) return
    this.#revision = batch.revision
    for (const item of batch.upserts) this.#items.set(item.id, item)
    for (const id of batch.removedIds) this.#items.delete(id)
    const finished = this.#finish.observe(batch.upserts, batch.removedIds)
    this.#emitSummary()
    if (finished.length > 0) this.#events.emit('finished', finished)
  }

  #onTick(tick: EventMap['transfers:progress']): void {
    this.#tick = tick
    const now = this.#clock.now()
    if (now - this.#lastTickSummaryAt < this.#intervalMs) return
    this.#lastTickSummaryAt = now
    this.#emitSummary()
  }

  #emitSummary(): void {
    this.#summary = summarizeQueue(this.#items.values(), this.#tick)
    this.#events.emit('summary', this.#summary)
  }
}
