import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import type { z } from 'zod'
import { systemClock, type Clock } from '../lib/clock'
import { loadQueue } from './load-queue'
import {
  JOURNAL_FILE,
  QUEUE_FORMAT_VERSION,
  SNAPSHOT_FILE,
  type JournalEntry,
  type QueueSnapshot,
} from './queue-format'
import type { QueueOpenReport, QueueProblem } from './queue-problem'
import { QueueStoreError } from './queue-store-error'
import { StoredItem } from './stored-item'
import { syncDir } from './sync-dir'

export interface QueueStoreOptions<T extends StoredItem> {
  /** Schema of the items; `StoredItem` by default. */
  schema?: z.ZodType<T>
  clock?: Clock
  /** Compact when the journal holds this many lines (default 5,000)… */
  compactEvery?: number
  /** …or this many bytes (default 32 MiB). */
  compactBytes?: number
  /** Told about each problem found while loading (also listed in the report). */
  onCorrupt?: (problem: QueueProblem) => void
}

export interface QueueStoreStats {
  /** Journal appends (one per group commit). */
  writes: number
  /** fsyncs of the journal. */
  syncs: number
  /** Bytes appended to the journal since open. */
  bytesAppended: number
  /** Lines and bytes in the journal now. */
  journalLines: number
  journalBytes: number
  compactions: number
}

type Pending = { kind: 'put'; items: StoredItem[] } | { kind: 'remove'; ids: string[] }

interface Settle {
  resolve: () => void
  reject: (error: unknown) => void
}

interface Waiter extends Settle {
  change: Pending
}

/**
 * The transfer queue on disk, write-ahead: each change is one line appended to a journal and
 * fsync'd before its promise resolves, so its cost does not depend on the queue's length; changes
 * made while a write is under way go together in the next one (group commit). When the journal
 * grows past a limit, the whole queue is written as a snapshot (temp file, fsync, rename, fsync of
 * the folder) and the journal emptied; journal lines carry sequence numbers, so lines a cut-short
 * compaction left behind are recognized as already in the snapshot.
 */
export class QueueStore<T extends StoredItem = StoredItem> {
  readonly #dir: string
  readonly #schema: z.ZodType<T>
  readonly #clock: Clock
  readonly #compactEvery: number
  readonly #compactBytes: number
  readonly #items: Map<string, T>
  readonly #journal: FileHandle
  #seq: number
  #waiting: Waiter[] = []
  #compactWaiters: Settle[] = []
  #draining: Promise<void> | undefined
  #closed = false
  #broken: unknown
  /** After a failed compaction, the journal must grow this far before the next automatic try. */
  #retryCompactionAt = { lines: 0, bytes: 0 }
  readonly #stats: QueueStoreStats

  private constructor(
    dir: string,
    schema: z.ZodType<T>,
    options: QueueStoreOptions<T>,
    journal: FileHandle,
    state: { items: Map<string, T>; seq: number; lines: number; bytes: number },
  ) {
    this.#dir = dir
    this.#schema = schema
    this.#clock = options.clock ?? systemClock
    this.#compactEvery = options.compactEvery ?? 5_000
    this.#compactBytes = options.compactBytes ?? 32 * 1024 * 1024
    this.#journal = journal
    this.#items = state.items
    this.#seq = state.seq
    this.#stats = {
      writes: 0,
      syncs: 0,
      bytesAppended: 0,
      journalLines: state.lines,
      journalBytes: state.bytes,
      compactions: 0,
    }
  }

  /**
   * Loads the queue kept in `dir` (created if needed): the snapshot, then the journal on top.
   * Problems found on the way are repaired as described in `QueueProblem` and reported; a queue
   * written by a newer format version is refused (`UNSUPPORTED_VERSION`) and left untouched.
   */
  static async open<T extends StoredItem = StoredItem>(
    dir: string,
    options: QueueStoreOptions<T> = {},
  ): Promise<{ store: QueueStore<T>; items: T[]; report: QueueOpenReport }> {
    const schema = options.schema ?? (StoredItem as unknown as z.ZodType<T>)
    const clock = options.clock ?? systemClock
    await mkdir(dir, { recursive: true })
    await rm(join(dir, `${SNAPSHOT_FILE}.tmp`), { force: true })
    const loaded = await loadQueue(dir, schema, clock)
    for (const problem of loaded.report.problems) options.onCorrupt?.(problem)

    const journal = await open(join(dir, JOURNAL_FILE), 'a')
    try {
      const size = (await journal.stat()).size
      if (size > loaded.journalGoodBytes) {
        await journal.truncate(loaded.journalGoodBytes)
        await journal.sync()
      }
      if (!loaded.journalExists) await syncDir(dir)
    } catch (error) {
      await journal.close()
      throw new QueueStoreError('WRITE_FAILED', 'The transfer queue journal could not be prepared.', {
        cause: error,
      })
    }

    const store = new QueueStore(dir, schema, options, journal, {
      items: loaded.items,
      seq: loaded.seq,
      lines: loaded.journalLines,
      bytes: loaded.journalGoodBytes,
    })
    const repaired = loaded.report.problems.some((problem) => problem.kind !== 'torn-tail')
    if (repaired || store.#compactionDue()) {
      try {
        await store.compact()
      } catch (error) {
        await store.close()
        throw error
      }
    }
    const items = [...loaded.items.values()].sort((a, b) => a.order - b.order)
    return { store, items, report: loaded.report }
  }

  /** Adds or replaces one item; durable when the promise resolves. */
  put(item: T): Promise<void> {
    return this.putMany([item])
  }

  /** Adds or replaces items as one journal line; durable when the promise resolves. */
  putMany(items: readonly T[]): Promise<void> {
    let valid: T[]
    try {
      valid = items.map((item) => this.#schema.parse(item))
    } catch (error) {
      return Promise.reject(
        new QueueStoreError(
          'INVALID_ITEM',
          'A transfer could not be saved: it does not match the queue schema.',
          { cause: error },
        ),
      )
    }
    if (valid.length === 0) return this.#idle()
    return this.#enqueue({ kind: 'put', items: valid })
  }

  /** Removes items by id as one journal line; durable when the promise resolves. */
  remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return this.#idle()
    return this.#enqueue({ kind: 'remove', ids: [...ids] })
  }

  /** Writes a snapshot of the whole queue and empties the journal (after the changes already asked for). */
  compact(): Promise<void> {
    const closed = this.#unavailable()
    if (closed) return Promise.reject(closed)
    return new Promise((resolve, reject) => {
      this.#compactWaiters.push({ resolve, reject })
      this.#kick()
    })
  }

  /** Counters of what was written, to prove that a change costs the same whatever the queue's length. */
  get stats(): Readonly<QueueStoreStats> {
    return { ...this.#stats }
  }

  /** Number of items in the queue, as written. */
  get size(): number {
    return this.#items.size
  }

  /** Waits for the changes under way, then closes the journal. Later calls are refused with `CLOSED`. */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.#draining
    await this.#journal.close()
  }

  #idle(): Promise<void> {
    const closed = this.#unavailable()
    return closed ? Promise.reject(closed) : Promise.resolve()
  }

  #unavailable(): QueueStoreError | undefined {
    if (this.#closed) return new QueueStoreError('CLOSED', 'The transfer queue is closed.')
    if (this.#broken !== undefined)
      return new QueueStoreError('WRITE_FAILED', 'The transfer queue can no longer be written.', {
        cause: this.#broken,
      })
    return undefined
  }

  #enqueue(change: Pending): Promise<void> {
    const unavailable = this.#unavailable()
    if (unavailable) return Promise.reject(unavailable)
    return new Promise((resolve, reject) => {
      this.#waiting.push({ change, resolve, reject })
      this.#kick()
    })
  }

  #kick(): void {
    this.#draining ??= this.#drain().finally(() => {
      this.#draining = undefined
      if (this.#waiting.length > 0 || this.#compactWaiters.length > 0) this.#kick()
    })
  }

  async #drain(): Promise<void> {
    // Let the calls made in the same turn join the first write.
    await Promise.resolve()
    while (this.#waiting.length > 0 || this.#compactWaiters.length > 0) {
      const batch = this.#waiting
      this.#waiting = []
      if (batch.length > 0) {
        try {
          await this.#commit(batch.map((waiter) => waiter.change))
          for (const waiter of batch) waiter.resolve()
        } catch (error) {
          const failure = new QueueStoreError(
            'WRITE_FAILED',
            'A change to the transfer queue could not be saved.',
            { cause: error },
          )
          for (const waiter of batch) waiter.reject(failure)
          if (this.#broken === undefined) continue
          this.#failAll([...this.#waiting.splice(0), ...this.#compactWaiters.splice(0)])
          return
        }
      }
      const compactWaiters = this.#compactWaiters
      if (compactWaiters.length > 0 || this.#compactionDue()) {
        this.#compactWaiters = []
        try {
          await this.#compactNow()
          for (const waiter of compactWaiters) waiter.resolve()
        } catch (error) {
          // The journal still holds every change: nothing is lost, a later compaction tries again.
          this.#retryCompactionAt = {
            lines: this.#stats.journalLines + this.#compactEvery,
            bytes: this.#stats.journalBytes + this.#compactBytes,
          }
          const failure = new QueueStoreError(
            'WRITE_FAILED',
            'The transfer queue snapshot could not be written.',
            { cause: error },
          )
          for (const waiter of compactWaiters) waiter.reject(failure)
        }
      }
    }
  }

  #failAll(waiters: Settle[]): void {
    const failure =
      this.#unavailable() ??
      new QueueStoreError('WRITE_FAILED', 'The transfer queue can no longer be written.')
    for (const waiter of waiters) waiter.reject(failure)
  }

  /** Appends one line per change in a single write, then fsyncs; applies them once durable. */
  async #commit(changes: Pending[]): Promise<void> {
    let seq = this.#seq
    const lines = changes.map((change) => {
      seq += 1
      const entry: JournalEntry =
        change.kind === 'put'
          ? { v: QUEUE_FORMAT_VERSION, seq, op: 'put', items: change.items }
          : { v: QUEUE_FORMAT_VERSION, seq, op: 'remove', ids: change.ids }
      return `${JSON.stringify(entry)}\n`
    })
    const buffer = Buffer.from(lines.join(''), 'utf8')
    try {
      let written = 0
      while (written < buffer.length)
        written += (await this.#journal.write(buffer, written, buffer.length - written)).bytesWritten
      this.#stats.writes++
    } catch (error) {
      // Cut what may have reached the file, so that the next line does not follow a partial one.
      try {
        await this.#journal.truncate(this.#stats.journalBytes)
      } catch (truncateError) {
        this.#broken = truncateError
      }
      throw error
    }
    try {
      await this.#journal.datasync()
      this.#stats.syncs++
    } catch (error) {
      // After a failed fsync the kernel may have dropped the pages: nothing written since is trusted
      // any more; reopening the queue (next start) reads what really is on disk.
      this.#broken = error
      throw error
    }
    this.#seq = seq
    this.#stats.bytesAppended += buffer.length
    this.#stats.journalBytes += buffer.length
    this.#stats.journalLines += lines.length
    for (const change of changes) {
      if (change.kind === 'put') for (const item of change.items) this.#items.set(item.id, item as T)
      else for (const id of change.ids) this.#items.delete(id)
    }
  }

  #compactionDue(): boolean {
    const { lines, bytes } = this.#retryCompactionAt
    return (
      this.#stats.journalLines >= Math.max(this.#compactEvery, lines) ||
      this.#stats.journalBytes >= Math.max(this.#compactBytes, bytes)
    )
  }

  /**
   * Snapshot first (temp file, fsync, rename, fsync of the folder), journal emptied after: a crash
   * between the two leaves journal lines whose `seq` the snapshot already covers, skipped on load.
   */
  async #compactNow(): Promise<void> {
    const snapshot: QueueSnapshot = {
      version: QUEUE_FORMAT_VERSION,
      seq: this.#seq,
      savedAt: this.#clock.now(),
      items: [...this.#items.values()],
    }
    const path = join(this.#dir, SNAPSHOT_FILE)
    const temp = `${path}.tmp`
    const handle = await open(temp, 'w')
    try {
      await handle.writeFile(JSON.stringify(snapshot), 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, path)
    await syncDir(this.#dir)
    await this.#journal.truncate(0)
    await this.#journal.sync()
    this.#stats.journalLines = 0
    this.#stats.journalBytes = 0
    this.#stats.compactions++
    this.#retryCompactionAt = { lines: 0, bytes: 0 }
  }
}
