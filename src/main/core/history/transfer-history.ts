import { TransferView } from '../../../shared/model/transfer'
import { systemClock, type Clock } from '../lib/clock'
import { TypedEmitter } from '../lib/typed-emitter'
import { loadQueue } from '../queue/load-queue'
import { QueueStore } from '../queue/queue-store'

export interface HistoryChange {
  upserts: TransferView[]
  removedIds: string[]
}

/** Newest first; equal times by name, then id, so the order is stable. */
function newestFirst(a: TransferView, b: TransferView): number {
  return (b.finishedAt ?? 0) - (a.finishedAt ?? 0) || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1)
}

/** A completed transfer as history keeps it: its view, without the engine's working data. */
function toEntry(item: TransferView): TransferView | null {
  if (item.status !== 'completed') return null
  const parsed = TransferView.safeParse(item)
  return parsed.success ? parsed.data : null
}

/**
 * Finished transfers, kept apart from the queue: removing a transfer from the queue leaves its history; only the
 * user clears it. Stored like the queue (a write-ahead journal with snapshots), in its own folder.
 */
export class TransferHistory {
  readonly #events = new TypedEmitter<{ changed: HistoryChange }>()
  readonly #entries: Map<string, TransferView>

  private constructor(
    private readonly store: QueueStore<TransferView>,
    entries: readonly TransferView[],
  ) {
    this.#entries = new Map(entries.map((entry) => [entry.id, entry]))
  }

  static async open(
    dir: string,
    options: { clock?: Clock; log?: (message: string) => void } = {},
  ): Promise<TransferHistory> {
    const { store, items } = await QueueStore.open<TransferView>(dir, {
      schema: TransferView,
      clock: options.clock ?? systemClock,
      onCorrupt: (problem) => options.log?.(`history: ${JSON.stringify(problem)}`),
    })
    return new TransferHistory(store, items)
  }

  /** The history in `dir` without opening it for writing (for a reader beside a running writer), newest first. */
  static async read(dir: string, clock: Clock = systemClock): Promise<TransferView[]> {
    const loaded = await loadQueue(dir, TransferView, clock)
    return [...loaded.items.values()].sort(newestFirst)
  }

  on(event: 'changed', listener: (change: HistoryChange) => void): () => void {
    return this.#events.on(event, listener)
  }

  /** Every entry, newest first. */
  list(): TransferView[] {
    return [...this.#entries.values()].sort(newestFirst)
  }

  /**
   * Keeps the completed transfers among `items` (others are ignored); an entry already kept unchanged is not
   * written again. Durable when the promise resolves.
   */
  async record(items: readonly TransferView[]): Promise<TransferView[]> {
    const fresh: TransferView[] = []
    for (const item of items) {
      const entry = toEntry(item)
      if (!entry) continue
      const known = this.#entries.get(entry.id)
      if (known && JSON.stringify(known) === JSON.stringify(entry)) continue
      fresh.push(entry)
    }
    if (fresh.length === 0) return []
    await this.store.putMany(fresh)
    for (const entry of fresh) this.#entries.set(entry.id, entry)
    this.#events.emit('changed', { upserts: fresh, removedIds: [] })
    return fresh
  }

  /** Forgets the entries `ids`, or every entry; answers the ids removed. */
  async clear(ids?: readonly string[]): Promise<string[]> {
    const removed = (ids ?? [...this.#entries.keys()]).filter((id) => this.#entries.has(id))
    if (removed.length === 0) return []
    await this.store.remove(removed)
    for (const id of removed) this.#entries.delete(id)
    this.#events.emit('changed', { upserts: [], removedIds: removed })
    return removed
  }

  close(): Promise<void> {
    return this.store.close()
  }
}
