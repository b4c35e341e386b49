import { rm } from 'node:fs/promises'
import {
  AddRequest,
  type AddRequestInput,
  type AddResult,
  type ReorderRequest,
  type Selection,
  type SelectionResult,
} from '../../../shared/model/intake'
import type { TransferStatus, TransferView } from '../../../shared/model/transfer'
import { emptyStatusCounts, TERMINAL_STATUSES } from '../../../shared/model/transfer'
import type { Clock } from '../lib/clock'
import { systemScheduler, type Scheduler } from '../lib/scheduler'
import { settleWithin } from '../lib/settle-within'
import { TypedEmitter } from '../lib/typed-emitter'
import type { EngineSettings } from './engine-settings'
import type { TransferEvents } from './transfer-events'
import { ChangePublisher } from './change-publisher'
import { ConnectionBudget } from './download/connection-budget'
import { newRecords } from './intake/new-records'
import { anyUploadSource, type UploadSourcesPort } from './intake/upload-sources-port'
import { ProgressTracker } from './progress-tracker'
import { reorder } from './intake/queue-order'
import { RemoteUploads } from './upload/remote-uploads'
import type { JobContext } from './job-context'
import { runJob } from './run-job'
import { canTransition, transition } from './state'
import type { TransferEvent } from './transfer-event'
import { TokenBucket } from './token-bucket'
import type { TransferApi } from './transfer-api'
import { isRetriable } from './transfer-failure'
import { applyPatch, toView, type RecordPatch, type TransferRecord } from './transfer-record'
import { backoff } from '../lib/backoff'
import { TRANSFER_BACKOFF } from './transfer-backoff'

/** Where records are kept; each call is durable before it resolves. */
export interface RecordStore {
  putMany(records: TransferRecord[]): Promise<void>
  remove(ids: string[]): Promise<void>
}

export interface EngineOptions {
  store: RecordStore
  records: TransferRecord[]
  api: TransferApi
  clock: Clock
  /** The engine's timers (retries, coalesced changes, progress ticks); real timers by default. */
  scheduler?: Scheduler
  settings: EngineSettings
  maxAttempts?: number
  progressIntervalMs?: number
  minSegment?: number
  /** How often remote uploads are polled (default 30 s; 1fichier needs minutes anyway). */
  remotePollMs?: number
  /** How long `close` waits for running jobs to stop (default 3 s). */
  closeTimeoutMs?: number
  /** Which local files an upload request may name (any, by default). */
  uploadSources?: UploadSourcesPort
  log?: (message: string) => void
}

export type EngineEvents = TransferEvents

interface Running {
  controller: AbortController
  done: Promise<void>
}

/**
 * The persistent transfer queue: takes items in, runs them within the limits (active transfers,
 * connections per file and per account, speed), retries transient failures with backoff, and
 * publishes numbered lifecycle batches and progress ticks.
 */
export class TransferEngine {
  readonly #records = new Map<string, TransferRecord>()
  readonly #running = new Map<string, Running>()
  /** Cancels the pending retry of each item waiting out a backoff. */
  readonly #retryTimers = new Map<string, () => void>()
  readonly #events = new TypedEmitter<EngineEvents>()
  readonly #publisher: ChangePublisher
  readonly #progress: ProgressTracker
  readonly #options: EngineOptions
  readonly #scheduler: Scheduler
  readonly #context: JobContext
  #settings: EngineSettings
  #nextOrder = 1
  #closed = false
  /** Set once `close` gave up waiting: late jobs then change nothing on disk (the store is closing). */
  #detached = false
  /** Why nothing may start now (no usable API key), or null. */
  #hold: string | null = null

  constructor(options: EngineOptions) {
    this.#options = options
    this.#settings = options.settings
    const scheduler = options.scheduler ?? systemScheduler
    this.#scheduler = scheduler
    this.#publisher = new ChangePublisher((batch) => this.#events.emit('changed', batch), scheduler)
    this.#progress = new ProgressTracker(
      options.clock,
      scheduler,
      (tick) => this.#events.emit('progress', tick),
      () => this.#counts(),
      options.progressIntervalMs,
    )
    this.#context = {
      api: options.api,
      clock: options.clock,
      budget: new ConnectionBudget(options.settings.accountConnections),
      downLimiter: new TokenBucket(options.settings.downloadLimit, options.clock),
      upLimiter: new TokenBucket(options.settings.uploadLimit, options.clock),
      reserved: new Set(),
      landed: new Set(),
      folders: new Map(),
      settings: () => this.#settings,
      ...(options.minSegment ? { minSegment: options.minSegment } : {}),
      remote: new RemoteUploads(options.api, options.clock, scheduler, options.remotePollMs ?? 30_000),
    }
    for (const record of options.records) {
      // Whatever was running when the app stopped goes back to the queue and resumes from disk.
      const status = canTransition(record.status, 'interrupt')
        ? transition(record.status, 'interrupt')
        : record.status
      this.#records.set(record.id, { ...record, status })
      this.#nextOrder = Math.max(this.#nextOrder, record.order + 1)
    }
  }

  on<E extends keyof EngineEvents>(event: E, listener: (payload: EngineEvents[E]) => void): () => void {
    return this.#events.on(event, listener)
  }

  /** Starts running what is queued. */
  start(): void {
    this.#schedule()
  }

  /**
   * Holds the queue (nothing new starts) while there is no usable API key, so that queued items
   * wait for one instead of failing; null releases it.
   */
  setHold(reason: string | null): void {
    this.#hold = reason
    this.#schedule()
  }

  /** The settings in force (limits included, as the speed schedule set them). */
  get settings(): Readonly<EngineSettings> {
    return this.#settings
  }

  updateSettings(settings: EngineSettings): void {
    this.#settings = settings
    this.#context.budget.setLimit(settings.accountConnections)
    this.#context.downLimiter.setRate(settings.downloadLimit)
    this.#context.upLimiter.setRate(settings.uploadLimit)
    this.#schedule()
  }

  list(): { revision: number; items: TransferView[] } {
    this.#publisher.flush()
    const items = [...this.#records.values()]
      .sort((a, b) => a.order - b.order)
      .map((record) => this.#view(record))
    return { revision: this.#publisher.revision, items }
  }

  /**
   * The local file behind a transfer: a finished download's file (its folder while unfinished), an
   * upload's source. Undefined for an unknown id or a remote upload.
   */
  localFile(id: string): { path: string; finished: boolean } | undefined {
    const record = this.#records.get(id)
    if (!record) return undefined
    if (record.meta.kind === 'upload') return { path: record.meta.path, finished: true }
    if (record.meta.kind !== 'download') return undefined
    if (record.status === 'completed' && record.meta.finalPath) {
      return { path: record.meta.finalPath, finished: true }
    }
    return { path: record.meta.dir, finished: false }
  }

  get(id: string): TransferView | undefined {
    const record = this.#records.get(id)
    return record ? this.#view(record) : undefined
  }

  async add(input: AddRequestInput): Promise<AddResult> {
    const { records, duplicates, rejected } = await newRecords(AddRequest.parse(input), {
      now: this.#options.clock.now(),
      nextOrder: () => this.#nextOrder++,
      downloadDir: this.#settings.downloadDir,
      queued: (kind) =>
        new Set(
          [...this.#records.values()]
            .filter((r) => r.kind === kind && r.status !== 'canceled')
            .map((r) => r.source),
        ),
      listPublicFolder: (url, password) => this.#options.api.listPublicFolder(url, password),
      uploadSources: this.#options.uploadSources ?? anyUploadSource,
    })
    if (records.length > 0) {
      await this.#options.store.putMany(records)
      for (const record of records) {
        this.#records.set(record.id, record)
        this.#publisher.upsert(this.#view(record))
      }
      this.#schedule()
    }
    return { addedIds: records.map((r) => r.id), duplicates, rejected }
  }

  pause(selection: Selection): Promise<SelectionResult> {
    return this.#apply(selection, 'pause', ['queued', 'active', 'retrying'])
  }

  /** Resumes paused items; failed and canceled ones are put back in the queue for another try. */
  resume(selection: Selection): Promise<SelectionResult> {
    return this.#apply(selection, 'resume', ['paused', 'failed', 'canceled'])
  }

  /**
   * Gives downloads that are not running a password (a link that failed on it, or one to try again
   * with another), then tries the failed, canceled or paused ones again.
   */
  async setPassword(ids: readonly string[], password: string): Promise<SelectionResult> {
    const settable: TransferStatus[] = ['failed', 'canceled', 'paused', 'queued']
    const affected = this.#commit(
      ids.map((id) => [
        id,
        (record) =>
          record.meta.kind === 'download' && settable.includes(record.status) && !this.#running.has(id)
            ? applyPatch(record, { meta: { password } })
            : null,
      ]),
    )
    await affected.written
    const again = affected.records.filter((record) => record.status !== 'queued').map((record) => record.id)
    if (again.length > 0) await this.resume({ ids: again })
    return { affected: affected.records.map((record) => record.id) }
  }

  cancel(selection: Selection): Promise<SelectionResult> {
    return this.#apply(selection, 'cancel', ['queued', 'active', 'retrying', 'paused'])
  }

  async remove(selection: Selection): Promise<SelectionResult> {
    const ids = this.#select(selection)
    if (ids.length === 0) return { affected: [] }
    await this.#apply({ ids }, 'cancel', ['queued', 'active', 'retrying', 'paused'])
    const present = ids.filter((id) => this.#records.has(id))
    if (present.length === 0) return { affected: [] }
    // A failed or paused download's part file goes with it.
    for (const id of present) {
      const record = this.#records.get(id)!
      if (record.status !== 'completed' && !this.#running.has(id)) await this.#discard(record)
    }
    await this.#options.store.remove(present)
    for (const id of present) {
      this.#records.delete(id)
      this.#progress.forget(id)
      this.#publisher.remove(id)
    }
    return { affected: present }
  }

  /** Moves items in the queue; what starts next follows the order. */
  async reorder({ ids, to }: ReorderRequest): Promise<SelectionResult> {
    const sorted = [...this.#records.values()].sort((a, b) => a.order - b.order)
    const selected = new Set(ids.filter((id) => this.#records.has(id)))
    const changed = reorder(sorted, selected, to)
    if (changed.length === 0) return { affected: [] }
    await this.#commit(changed.map(({ id, order }) => [id, (record) => ({ ...record, order })])).written
    this.#schedule()
    return { affected: changed.map((record) => record.id).filter((id) => selected.has(id)) }
  }

  /**
   * Stops every running job; they stay queued (with what is on disk) for the next start. Jobs get
   * `closeTimeoutMs` to stop; one that ignores its abort (a call that takes no signal, a hung disk)
   * is journaled as interrupted from what the engine knows, and left behind.
   */
  async close(): Promise<void> {
    this.#closed = true
    for (const cancel of this.#retryTimers.values()) cancel()
    const running = [...this.#running.entries()]
    for (const [, job] of running) job.controller.abort(new ShutdownSignal())
    const stopped = await settleWithin(
      Promise.allSettled(running.map(([, job]) => job.done)),
      this.#options.closeTimeoutMs ?? 3_000,
    )
    if (!stopped) {
      const stuck = running.map(([id]) => id).filter((id) => this.#running.has(id))
      this.#options.log?.(`close: ${stuck.length} transfer(s) did not stop in time`)
      const { written } = this.#commit(
        stuck.map((id) => [
          id,
          (record) =>
            canTransition(record.status, 'interrupt')
              ? { ...this.#withBytes(record), status: transition(record.status, 'interrupt') }
              : null,
        ]),
      )
      this.#detached = true
      await written
    }
    this.#progress.stop()
    this.#publisher.flush()
  }

  #select(selection: Selection): string[] {
    return 'all' in selection
      ? [...this.#records.keys()]
      : selection.ids.filter((id) => this.#records.has(id))
  }

  async #apply(
    selection: Selection,
    event: 'pause' | 'resume' | 'cancel',
    from: TransferStatus[],
  ): Promise<SelectionResult> {
    const now = this.#options.clock.now()
    const change = (record: TransferRecord): TransferRecord | null => {
      if (!from.includes(record.status)) return null
      const next: TransferEvent = event === 'resume' && record.status !== 'paused' ? 'retry' : event
      return {
        ...record,
        status: transition(record.status, next),
        ...(next === 'retry' ? { attempts: 0, error: undefined, finishedAt: undefined } : {}),
        ...(event === 'cancel' ? { finishedAt: now } : {}),
      }
    }
    const affected = this.#commit(this.#select(selection).map((id) => [id, change]))
    for (const record of affected.records) {
      this.#clearRetry(record.id)
      this.#running.get(record.id)?.controller.abort(new UserStopSignal(record.status))
    }
    await affected.written
    for (const record of affected.records) {
      if (record.status === 'canceled' && !this.#running.has(record.id)) await this.#discard(record)
    }
    this.#schedule()
    return { affected: affected.records.map((record) => record.id) }
  }

  /**
   * Changes records where they stand now and journals them: each change reads the current record
   * and replaces it in the same turn, so no change made meanwhile (by a job or a user) is lost,
   * and the journal receives the records in the order they changed. `change` answers null to
   * leave a record alone. Resolves (`written`) once every changed record is durable.
   */
  #commit(changes: Array<[string, (record: TransferRecord) => TransferRecord | null]>): {
    records: TransferRecord[]
    written: Promise<void>
  } {
    const records: TransferRecord[] = []
    for (const [id, change] of changes) {
      const current = this.#records.get(id)
      const updated = current ? change(current) : null
      if (!updated) continue
      this.#records.set(id, updated)
      records.push(updated)
      this.#publisher.upsert(this.#view(updated))
    }
    const written =
      records.length === 0 || this.#detached
        ? Promise.resolve()
        : this.#options.store.putMany(records.map((record) => this.#withBytes(record)))
    return { records, written }
  }

  #counts(): Record<TransferStatus, number> {
    const counts = emptyStatusCounts()
    for (const record of this.#records.values()) counts[record.status]++
    return counts
  }

  #view(record: TransferRecord): TransferView {
    return toView(this.#withBytes(record))
  }

  #withBytes(record: TransferRecord): TransferRecord {
    const live = this.#progress.bytes(record.id)
    return live === undefined ? record : { ...record, bytesDone: live }
  }

  #clearRetry(id: string): void {
    this.#retryTimers.get(id)?.()
    this.#retryTimers.delete(id)
  }

  #schedule(): void {
    if (this.#closed || this.#hold !== null) return
    const slotsTaken = [...this.#running.keys()].filter(
      (id) => this.#records.get(id)?.kind !== 'remote-upload',
    ).length
    let free = this.#settings.maxActive - slotsTaken
    // An item whose previous run is still winding down (just paused, then resumed) waits for it.
    const queued = [...this.#records.values()]
      .filter((r) => r.status === 'queued' && !this.#running.has(r.id))
      .sort((a, b) => a.order - b.order)
    for (const record of queued) {
      if (record.kind !== 'remote-upload') {
        if (free <= 0) continue
        free--
      }
      this.#start(record)
    }
  }

  #start(record: TransferRecord): void {
    const controller = new AbortController()
    const started: TransferRecord = { ...record, status: transition(record.status, 'start') }
    this.#records.set(record.id, started)
    this.#progress.begin(
      record.id,
      record.kind === 'upload' ? 'up' : 'down',
      record.bytesDone,
      record.bytesTotal,
    )
    this.#publisher.upsert(this.#view(started))
    const done = runJob(started, this.#context, controller.signal, {
      update: (patch) => this.#patch(record.id, patch),
      bytes: (count) => this.#progress.add(record.id, count),
      total: (total) => this.#progress.setTotal(record.id, total),
      resetBytes: () => this.#progress.reset(record.id),
    })
      .then((patch) => this.#finish(record.id, { ...patch }))
      .catch((error: unknown) => this.#failed(record.id, error, controller.signal))
      .finally(() => {
        if (this.#running.get(record.id)?.controller === controller) this.#running.delete(record.id)
        this.#schedule()
      })
      .catch((error: unknown) => {
        // Recording the outcome failed (the queue can no longer be written): nothing more to do here.
        this.#options.log?.(
          `transfer ${record.id}: ${error instanceof Error ? error.message : String(error)}`,
        )
      })
    this.#running.set(record.id, { controller, done })
  }

  /** Merges what a job learnt (name, size, part path…) and persists it. */
  async #patch(id: string, patch: RecordPatch): Promise<void> {
    await this.#commit([[id, (record) => applyPatch(record, patch)]]).written
  }

  async #finish(id: string, patch: RecordPatch): Promise<void> {
    const now = this.#options.clock.now()
    const live = this.#progress.bytes(id)
    this.#progress.forget(id)
    const { written } = this.#commit([
      [
        id,
        (record) => {
          if (record.status !== 'active') return null
          const total = patch.bytesTotal ?? record.bytesTotal ?? live ?? 0
          return {
            ...applyPatch(record, patch),
            status: transition(record.status, 'complete'),
            bytesDone: total,
            bytesTotal: total,
            finishedAt: now,
            error: undefined,
          }
        },
      ],
    ])
    await written
  }

  async #failed(id: string, error: unknown, signal: AbortSignal): Promise<void> {
    if (
      signal.aborted &&
      (signal.reason instanceof UserStopSignal || signal.reason instanceof ShutdownSignal)
    ) {
      // Paused or canceled: the status is already set; what counts now is the bytes on disk.
      // Shutting down: the item goes back to the queue, to resume on the next start.
      const shutdown = signal.reason instanceof ShutdownSignal
      const stop = this.#commit([
        [
          id,
          (record) =>
            shutdown && canTransition(record.status, 'interrupt')
              ? { ...this.#withBytes(record), status: transition(record.status, 'interrupt') }
              : this.#withBytes(record),
        ],
      ])
      this.#progress.forget(id)
      await stop.written
      const stopped = stop.records[0]
      if (stopped?.status === 'canceled') await this.#discard(stopped)
      return
    }
    const code = (error as { code?: unknown }).code
    const message = error instanceof Error ? error.message : String(error)
    const transferError = { code: typeof code === 'string' ? code : 'INTERNAL', message }
    if (code === 'AUTH_INVALID_KEY' || code === 'NOT_CUSTOMER') {
      // The key is the problem, not the item: back to the queue, which waits for a usable key.
      this.#hold = code
      const held = this.#commit([
        [
          id,
          (record) =>
            canTransition(record.status, 'interrupt')
              ? {
                  ...this.#withBytes(record),
                  status: transition(record.status, 'interrupt'),
                  error: transferError,
                }
              : null,
        ],
      ])
      this.#progress.forget(id)
      await held.written
      return
    }
    if (typeof code !== 'string')
      this.#options.log?.(`transfer ${id} failed: ${String((error as Error)?.stack ?? error)}`)
    const maxAttempts = this.#options.maxAttempts ?? 8
    const diskFull = code === 'DISK_FULL'
    let retry = false
    const failed = this.#commit([
      [
        id,
        (record) => {
          // Paused or canceled meanwhile: that stands; only the bytes on disk are news.
          if (record.status !== 'active') return this.#withBytes(record)
          const attempts = record.attempts + 1
          retry = isRetriable(error) && attempts < maxAttempts
          const event: TransferEvent = diskFull ? 'pause' : retry ? 'retryScheduled' : 'fail'
          return {
            ...this.#withBytes(record),
            status: transition(record.status, event),
            attempts,
            error: transferError,
            ...(event === 'fail' ? { finishedAt: this.#options.clock.now() } : {}),
          }
        },
      ],
    ])
    this.#progress.forget(id)
    await failed.written
    const updated = failed.records[0]
    if (updated && retry && !diskFull && !this.#closed) {
      const wait = backoff(updated.attempts, TRANSFER_BACKOFF)
      this.#retryTimers.set(
        id,
        this.#scheduler.after(wait, () => this.#retryDue(id)),
      )
    }
  }

  #retryDue(id: string): void {
    this.#retryTimers.delete(id)
    const record = this.#records.get(id)
    if (!record || record.status !== 'retrying' || this.#closed) return
    this.#records.set(id, { ...record, status: transition(record.status, 'retryDue') })
    this.#publisher.upsert(this.#view(this.#records.get(id)!))
    this.#schedule()
  }

  async #discard(record: TransferRecord): Promise<void> {
    if (record.meta.kind === 'download' && record.meta.partPath) {
      await rm(record.meta.partPath, { force: true })
      await rm(`${record.meta.partPath}.json`, { force: true })
    }
  }
}

class UserStopSignal extends Error {
  constructor(readonly status: TransferStatus) {
    super(`stopped: ${status}`)
  }
}

class ShutdownSignal extends Error {
  constructor() {
    super('shutting down')
  }
}

export function isTerminal(status: TransferStatus): boolean {
  return TERMINAL_STATUSES.includes(status)
}
