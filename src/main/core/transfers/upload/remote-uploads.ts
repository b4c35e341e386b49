import type { Clock } from '../../lib/clock'
import type { Scheduler } from '../../lib/scheduler'
import type { TransferApi } from '../transfer-api'
import { isRetriable } from '../transfer-failure'

export interface RemoteOutcome {
  ok: boolean
  link?: string
  message?: string
}

interface PendingSubmit {
  url: string
  folderId: number
  headers: Record<string, string> | undefined
  resolve: (jobId: number) => void
  reject: (error: unknown) => void
}

interface Watcher {
  url: string
  resolve: (outcome: RemoteOutcome) => void
  reject: (error: unknown) => void
}

const BATCH_WINDOW_MS = 150
const MAX_URLS_PER_REQUEST = 100

/**
 * Remote uploads, politely: URLs for one folder that arrive together go to 1fichier in one
 * request, and one poller asks for the list of jobs (a single call) for all of them, then reads
 * the result of each job once it has run. A failure that waiting cannot mend (a revoked key, a
 * refusal) ends every wait with it; the poller stops as soon as nobody waits any more.
 */
export class RemoteUploads {
  readonly #api: TransferApi
  readonly #clock: Clock
  readonly #scheduler: Scheduler
  readonly #pollMs: number
  /** URLs waiting to be sent, by folder and headers (one request carries one folder and one set of headers). */
  readonly #submits = new Map<string, PendingSubmit[]>()
  readonly #watchers = new Map<number, Watcher[]>()
  /** Aborts the poller's sleep when the last watcher leaves. */
  #polling: AbortController | null = null

  constructor(api: TransferApi, clock: Clock, scheduler: Scheduler, pollMs: number) {
    this.#api = api
    this.#clock = clock
    this.#scheduler = scheduler
    this.#pollMs = pollMs
  }

  /** The 1fichier job that will fetch `url` into `folderId`; an abort before it is sent withdraws the URL. */
  submit(
    url: string,
    folderId: number,
    signal?: AbortSignal,
    headers?: Record<string, string>,
  ): Promise<number> {
    if (signal?.aborted) return Promise.reject(signal.reason)
    const key = batchKey(folderId, headers)
    return new Promise((resolve, reject) => {
      let batch = this.#submits.get(key)
      if (!batch) {
        batch = []
        this.#submits.set(key, batch)
        this.#scheduler.after(BATCH_WINDOW_MS, () => void this.#flush(key))
      }
      const onAbort = () => {
        const pending = this.#submits.get(key)
        const index = pending?.indexOf(entry) ?? -1
        if (pending && index >= 0) pending.splice(index, 1)
        reject(signal?.reason)
      }
      const entry: PendingSubmit = {
        url,
        folderId,
        headers,
        resolve: (jobId) => {
          signal?.removeEventListener('abort', onAbort)
          resolve(jobId)
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort)
          reject(error)
        },
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      batch.push(entry)
    })
  }

  async #flush(key: string): Promise<void> {
    const batch = this.#submits.get(key) ?? []
    this.#submits.delete(key)
    const first = batch[0]
    if (!first) return
    for (let i = 0; i < batch.length; i += MAX_URLS_PER_REQUEST) {
      const part = batch.slice(i, i + MAX_URLS_PER_REQUEST)
      try {
        const jobId = await this.#api.remoteRequest(
          part.map((entry) => entry.url),
          first.folderId,
          first.headers,
        )
        for (const entry of part) entry.resolve(jobId)
      } catch (error) {
        for (const entry of part) entry.reject(error)
      }
    }
  }

  /** What became of `url` in job `jobId`, once 1fichier has run it. */
  result(jobId: number, url: string, signal: AbortSignal): Promise<RemoteOutcome> {
    if (signal.aborted) return Promise.reject(signal.reason)
    return new Promise((resolve, reject) => {
      const watcher: Watcher = { url, resolve, reject }
      const list = this.#watchers.get(jobId) ?? []
      list.push(watcher)
      this.#watchers.set(jobId, list)
      signal.addEventListener(
        'abort',
        () => {
          const current = this.#watchers.get(jobId)?.filter((w) => w !== watcher) ?? []
          if (current.length > 0) this.#watchers.set(jobId, current)
          else this.#watchers.delete(jobId)
          if (this.#watchers.size === 0) this.#polling?.abort()
          reject(signal.reason)
        },
        { once: true },
      )
      void this.#poll()
    })
  }

  /** Ends every wait with `error`. */
  #failAll(error: unknown): void {
    const watchers = [...this.#watchers.values()].flat()
    this.#watchers.clear()
    for (const watcher of watchers) watcher.reject(error)
  }

  async #poll(): Promise<void> {
    if (this.#polling) return
    const stop = new AbortController()
    this.#polling = stop
    try {
      while (this.#watchers.size > 0 && !stop.signal.aborted) {
        try {
          await this.#round()
        } catch (error) {
          if (!isRetriable(error)) {
            this.#failAll(error)
            return
          }
        }
        if (this.#watchers.size > 0) await this.#clock.sleep(this.#pollMs, stop.signal)
      }
    } catch {
      // The last watcher left during the sleep.
    } finally {
      this.#polling = null
    }
  }

  /** One look at the jobs: the finished ones answer their watchers. */
  async #round(): Promise<void> {
    const finished = await this.#api.remoteFinished([...this.#watchers.keys()])
    for (const jobId of finished) {
      const results = await this.#api.remoteResult(jobId)
      if (!results) continue
      const watchers = this.#watchers.get(jobId) ?? []
      this.#watchers.delete(jobId)
      for (const watcher of watchers) {
        const mine = results.find((entry) => entry.url === watcher.url)
        watcher.resolve(
          mine
            ? {
                ok: mine.ok,
                ...(mine.link ? { link: mine.link } : {}),
                ...(mine.message ? { message: mine.message } : {}),
              }
            : { ok: false, message: '1fichier did not report this URL.' },
        )
      }
    }
  }
}

/** The same folder and the same headers (in any order) go in one request. */
function batchKey(folderId: number, headers: Record<string, string> | undefined): string {
  const sorted = Object.entries(headers ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `${folderId}\n${JSON.stringify(sorted)}`
}
