import { setMaxListeners } from 'node:events'
import { access, stat, statfs } from 'node:fs/promises'
import { basename } from 'node:path'
import contentDisposition from 'content-disposition'
import { backoff } from '../../lib/backoff'
import type { Clock } from '../../lib/clock'
import type { ConflictPolicy } from '../../../../shared/model/settings'
import type { ConnectionBudget } from './connection-budget'
import { assertNotWebPage, header, servedRange } from './download-response'
import { freeName, pathInside, safeFileName } from '../file-name'
import { PartFile, type PartControl } from './part-file'
import { isNotCustomer, isUnknownRefusal, laterAgain, needsPremium } from './token-refusals'
import { isNotReadyToken, ProcessingWait } from './processing-wait'
import { DirectBody } from './direct-body'
import { pumpDirect } from './direct-pump'
import { openBody, type RangeBody } from './open-body'
import { SegmentWriter } from './segment-writer'
import { TRANSFER_BACKOFF } from '../transfer-backoff'
import { MIN_SEGMENT_BYTES, planSegments, stealTail, type ActiveSegment } from './segment-plan'
import type { TokenBucket } from '../token-bucket'
import { diskFailure, isRetriable, TransferFailureError } from '../transfer-failure'

export interface DownloadRequest {
  link: string
  password?: string
  dir: string
  /** From a listing we already hold; saves nothing on the wire but lets conflicts be decided early. */
  knownName?: string
  /** Whirlpool (128 hex) to verify against, when 1fichier gave one. */
  checksum?: string
  conflict: ConflictPolicy
  connections: number
  /** The part file of an earlier attempt, to resume. */
  partPath?: string
  /** The size recorded by that attempt: if its part was already moved into place, nothing is left to do. */
  expectedSize?: number
  minSegment?: number
}

export interface DownloadDeps {
  clock: Clock
  budget: ConnectionBudget
  limiter: TokenBucket
  /** A direct URL for the link (a 1fichier download token). `fresh` asks for a new one. */
  tokenFor(link: string, password: string | undefined, signal: AbortSignal): Promise<string>
  whirlpoolOfFile(path: string, signal?: AbortSignal): Promise<string>
  /** Names of part files other downloads are writing right now, so two never share one. */
  reserved: Set<string>
  /**
   * Paths other downloads of this engine wrote: with `overwrite`, a second link of the same name
   * is skipped rather than replacing the file the first one fetched.
   */
  landed?: Set<string>
  idleTimeoutMs?: number
}

export interface DownloadEvents {
  /** Name, size and part path once known: persisted (awaited) to resume after a crash. */
  onMeta(meta: { name: string; size: number; partPath: string; doneBytes: number }): Promise<void> | void
  onBytes(bytes: number): void
  /** The server sent a different file than the one started; the bytes so far were dropped. */
  onRestart?(reason: string): Promise<void> | void
  /** A remark while the download waits (1fichier still processing the file); null clears it. */
  onNote?(note: string | null): void
}

export type DownloadOutcome =
  | { status: 'completed'; path: string; name: string; size: number; verified: boolean }
  /** `writing`: another download of this run is writing that name; else a file has it already. */
  | { status: 'skipped'; path: string; name: string; writing?: boolean }

const SEGMENT_ATTEMPTS = 6
/** Names tried when others' downloads hold the first ones, before giving up. */
const MAX_BUSY_NAMES = 20
/** The ranges written are recorded this often (no sync: they survive a killed process)… */
const RECORD_INTERVAL_MS = 100
/** …and made durable this often (they survive a power loss). */
const SYNC_INTERVAL_MS = 1000
/**
 * Under a speed limit, each request asks for about this long's worth of bytes: the server cannot
 * run ahead of the limit into socket buffers, so a killed process leaves little paid for and lost.
 */
const WINDOW_MS = 250
const MIN_WINDOW_BYTES = 64 * 1024

interface FileMeta {
  size: number
  /** Recorded for diagnosis only: ETags differ between download nodes. */
  etag: string | null
  lastModified: string | null
}

/** A connection refused while others of the same file are served: the account's connection cap. */
class ConnectionCapError extends TransferFailureError {
  constructor(status: number) {
    super('NODE_REFUSED', `The download server refused one more connection (HTTP ${status}).`, {
      retriable: true,
    })
  }
}

/** Failures the job does not retry itself: the engine tries again later. */
function isFinalForNow(error: unknown): boolean {
  return error instanceof TransferFailureError && error.code === 'NOT_READY'
}

interface OpenedStream {
  stream: RangeBody
  status: number
  headers: Record<string, string | string[] | undefined>
}

function nameFromHeaders(headers: OpenedStream['headers']): string | null {
  const value = header(headers, 'content-disposition')
  if (!value) return null
  try {
    const parsed = contentDisposition.parse(value)
    const name = parsed.parameters['filename']
    return typeof name === 'string' && name.length > 0 ? name : null
  } catch {
    return null
  }
}

/**
 * Downloads one file with up to `connections` Range requests written into one `.part` file, resumes
 * from the ranges an earlier attempt recorded, and moves the file into place only once its size (and
 * Whirlpool checksum, when known) match.
 */
export class DownloadJob {
  readonly #request: DownloadRequest
  readonly #deps: DownloadDeps
  readonly #events: DownloadEvents
  /** The caller's signal, or the first failure that dooms the download (its siblings stop at once). */
  readonly #signal: AbortSignal
  readonly #fatal = new AbortController()
  #token: { url: string; at: number; pending: Promise<string> } | null = null
  readonly #processing: ProcessingWait
  /** Connections of this file open or being opened right now. */
  #alive = 0
  /** An extra connection of this file was refused: later refusals are the cap too. */
  #capped = false

  constructor(request: DownloadRequest, deps: DownloadDeps, events: DownloadEvents, signal: AbortSignal) {
    this.#request = request
    this.#deps = deps
    this.#events = events
    this.#signal = AbortSignal.any([signal, this.#fatal.signal])
    // Every connection of the file (up to 16), its requests and waits listen to this one signal.
    setMaxListeners(64, this.#signal)
    this.#processing = new ProcessingWait(deps.clock, (note) => events.onNote?.(note))
  }

  /** A token, waiting (bounded) while 1fichier answers that the file is not ready yet. */
  async #fetchToken(): Promise<string> {
    for (;;) {
      try {
        return await this.#deps.tokenFor(this.#request.link, this.#request.password, this.#signal)
      } catch (error) {
        if (isNotCustomer(error)) throw needsPremium(error)
        if (isUnknownRefusal(error)) throw laterAgain(error)
        if (this.#signal.aborted || !isNotReadyToken(error)) throw error
        await this.#processing.wait(this.#signal)
      }
    }
  }

  /**
   * One token serves every connection of the file (tokens are reusable for 5 minutes); connections
   * opening together share one request for it. `stale` is a URL the node refused.
   */
  #tokenUrl(stale: string | null): Promise<string> {
    const current = this.#token
    const fresh = current && this.#deps.clock.now() - current.at < 4 * 60_000
    if (current && fresh && (stale === null || current.url !== stale)) return current.pending
    const at = this.#deps.clock.now()
    const pending = this.#fetchToken()
    const entry = { url: '', at, pending }
    this.#token = entry
    pending.then(
      (url) => (entry.url = url),
      () => {
        if (this.#token === entry) this.#token = null
      },
    )
    return pending
  }

  /**
   * Opens a Range request; the range is read once the token is at hand, so a hand-off made meanwhile
   * counts. No `If-Range`: each download node has its own ETag for the same file, so a validator from
   * another token would throw the part away; `Content-Range` and the final checks guard instead.
   */
  async #open(
    range: { position: number; end: number | null },
    stale: string | null = null,
  ): Promise<OpenedStream> {
    const url = await this.#tokenUrl(stale)
    const { position: start, end } = range
    const headers: Record<string, string> = { range: `bytes=${start}-${end === null ? '' : end - 1}` }
    const response = await openBody(url, {
      headers,
      signal: this.#signal,
      connectTimeoutMs: 15_000,
      responseTimeoutMs: 30_000,
    }).catch((error: unknown) => {
      throw this.#signal.aborted ? this.#signal.reason : error
    })
    const stream = response.body
    if (response.status === 404) {
      // A fresh upload's URL answers 404 until 1fichier has processed it (JDownloader treats a
      // node's 404 as temporary): wait, bounded, with a fresh token each time.
      stream.destroy()
      await this.#processing.wait(this.#signal)
      return this.#open(range, url)
    }
    const refused = response.status === 403 || response.status === 429
    if ([401, 403, 410].includes(response.status) && stale === null && !this.#capped) {
      stream.destroy()
      return this.#open(range, url)
    }
    if (refused && (this.#alive > 1 || this.#capped)) {
      // Refused even with a fresh token while other connections of this file are open: this one is
      // over the account's connection cap.
      stream.destroy()
      this.#capped = true
      throw new ConnectionCapError(response.status)
    }
    if (response.status >= 500) {
      stream.destroy()
      throw new TransferFailureError('NODE_REFUSED', `The download server answered ${response.status}.`, {
        retriable: true,
      })
    }
    if (response.status !== 200 && response.status !== 206) {
      stream.destroy()
      throw new TransferFailureError(
        'NODE_REFUSED',
        `The download server refused the file (HTTP ${response.status}).`,
        {
          retriable: response.status === 429,
        },
      )
    }
    try {
      assertNotWebPage(response.headers)
    } catch (error) {
      stream.destroy()
      throw error
    }
    this.#processing.ready()
    return { stream, status: response.status, headers: response.headers }
  }

  /**
   * A crash between moving the finished file into place and recording it leaves the file without its
   * part: recognise it (same name, the recorded size) instead of downloading it again.
   */
  async #alreadyInPlace(partPath: string): Promise<DownloadOutcome | null> {
    const expected = this.#request.expectedSize
    if (expected === undefined) return null
    const partExists = await stat(partPath).then(
      () => true,
      () => false,
    )
    if (partExists) return null
    const finalPath = partPath.replace(/\.part$/, '')
    const info = await stat(finalPath).catch(() => null)
    if (!info?.isFile() || info.size !== expected) return null
    const checksum = this.#request.checksum
    if (checksum) {
      const actual = await this.#deps.whirlpoolOfFile(finalPath, this.#signal)
      if (actual.toLowerCase() !== checksum.toLowerCase()) return null
    }
    return {
      status: 'completed',
      path: finalPath,
      name: basename(finalPath),
      size: expected,
      verified: checksum !== undefined,
    }
  }

  /** Whether a part that this link left (perhaps another process's attempt) waits under the known name. */
  async #leftPartOfThisLink(): Promise<boolean> {
    const { knownName, dir, link } = this.#request
    if (!knownName) return false
    const control = await PartFile.readControl(pathInside(dir, `${safeFileName(knownName)}.part`))
    return control?.link === link
  }

  /** Retries the opening of a connection on transient failures, with backoff. */
  async #retrying<T>(open: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await open()
      } catch (error) {
        if (this.#signal.aborted) throw this.#signal.reason
        if (!isRetriable(error) || isFinalForNow(error) || attempt >= SEGMENT_ATTEMPTS) throw error
        await this.#deps.clock.sleep(backoff(attempt, TRANSFER_BACKOFF), this.#signal)
      }
    }
  }

  async #sizeAndValidator(opened: OpenedStream): Promise<FileMeta> {
    let size: number | null
    try {
      size = servedRange(opened.status, opened.headers, { start: 0, size: null }).total
    } catch (error) {
      opened.stream.destroy()
      throw error
    }
    if (size === null) {
      opened.stream.destroy()
      throw new TransferFailureError(
        'BAD_RESPONSE',
        'The download server did not say how large the file is.',
        { retriable: true },
      )
    }
    const etag = header(opened.headers, 'etag') ?? null
    return {
      size,
      etag: etag && !etag.startsWith('W/') ? etag : null,
      lastModified: header(opened.headers, 'last-modified') ?? null,
    }
  }

  /** Applies the conflict policy; names other running downloads reserved count as taken. */
  async #finalName(
    name: string,
    own: string | null = null,
  ): Promise<{ name: string; exists: boolean; writing: boolean }> {
    const { dir, conflict } = this.#request
    const exists = (candidate: string) => {
      const path = pathInside(dir, candidate)
      return access(path).then(
        () => true,
        () => path !== own && this.#deps.reserved.has(path),
      )
    }
    if (conflict !== 'rename') {
      const path = pathInside(dir, name)
      const sibling = this.#deps.reserved.has(path) || (this.#deps.landed?.has(path) ?? false)
      return { name, exists: await exists(name), writing: path !== own && sibling }
    }
    return { name: await freeName(name, exists), exists: false, writing: false }
  }

  /**
   * Chooses the file's name by the conflict policy and takes its part file, so that no other
   * download, in this process or another, writes the same name: with `rename` a name whose part
   * another download owns counts as taken; otherwise that download's owner is told
   * (`PART_IN_USE`). A part this link left earlier (perhaps another process's) is resumed.
   */
  async #claim(base: string, meta: FileMeta): Promise<{ name: string; part: PartFile } | DownloadOutcome> {
    const { dir, conflict, link } = this.#request
    const busy = new Set<string>()
    for (;;) {
      let name = base
      if (conflict === 'rename') {
        name = await freeName(base, async (candidate) => {
          if (busy.has(candidate)) return true
          const path = pathInside(dir, candidate)
          if (this.#deps.reserved.has(path)) return true
          if (
            await access(path).then(
              () => true,
              () => false,
            )
          )
            return true
          const owner = await PartFile.readControl(`${path}.part`)
          return owner !== null && owner.link !== link
        })
      } else {
        const decided = await this.#finalName(base)
        // Another download is writing, or has written, this very name: even `overwrite` must not
        // write it twice.
        if (decided.exists && (conflict === 'skip' || decided.writing)) {
          return { status: 'skipped', path: pathInside(dir, base), name: base, writing: decided.writing }
        }
      }
      if (busy.size === 0) await this.#ensureSpace(meta.size)
      const target = pathInside(dir, name)
      const partPath = pathInside(dir, `${name}.part`)
      this.#deps.reserved.add(target)
      const claim = await PartFile.claim(partPath, { link, ...meta }).catch((error: unknown) => {
        this.#deps.reserved.delete(target)
        throw error instanceof TransferFailureError ? error : diskFailure(error, partPath)
      })
      if ('part' in claim) return { name, part: claim.part }
      this.#deps.reserved.delete(target)
      // Fetching one link twice at once is never wanted; another link's name is left to it.
      if (conflict !== 'rename' || claim.sameLink || busy.size >= MAX_BUSY_NAMES) throw claim.busy
      busy.add(name)
    }
  }

  async #ensureSpace(needed: number): Promise<void> {
    try {
      const stats = await statfs(this.#request.dir)
      if (stats.bavail * stats.bsize < needed) {
        throw new TransferFailureError(
          'DISK_FULL',
          `Not enough free space in ${this.#request.dir}: ${needed} bytes needed, ${stats.bavail * stats.bsize} free.`,
          { retriable: false },
        )
      }
    } catch (error) {
      if (error instanceof TransferFailureError) throw error
      // statfs is missing on some file systems: let the writes tell.
    }
  }

  async run(): Promise<DownloadOutcome> {
    const request = this.#request
    const deps = this.#deps
    const minSegment = request.minSegment ?? MIN_SEGMENT_BYTES
    const releaseFirst = await deps.budget.acquire(this.#signal)
    let part: PartFile | null = null
    let first: OpenedStream | null = null
    let name: string
    try {
      const earlier = request.partPath ? await PartFile.readControl(request.partPath) : null
      const landed = !earlier && request.partPath ? await this.#alreadyInPlace(request.partPath) : null
      if (landed) return landed
      if (earlier && request.partPath && earlier.link === request.link) {
        name = basename(request.partPath).replace(/\.part$/, '')
        part = await PartFile.open(request.partPath, earlier, true)
        deps.reserved.add(pathInside(request.dir, name))
      } else {
        if (request.knownName && request.conflict === 'skip') {
          const known = safeFileName(request.knownName)
          const target = pathInside(request.dir, known)
          if (
            await access(target).then(
              () => true,
              () => false,
            )
          )
            return { status: 'skipped', path: target, name: known }
        }
        // With several connections the first request asks for a bounded range, so that no byte the
        // other connections will fetch is sent twice; alone, it asks for the whole file, unless a
        // part of this link is already there under the known name (its bytes will be resumed).
        const window = this.#window(request.connections)
        const bounded = request.connections > 1 || (await this.#leftPartOfThisLink())
        const firstEnd =
          bounded || window !== null ? Math.min(bounded ? minSegment : Infinity, window ?? Infinity) : null
        const opened = await this.#retrying(async () => {
          const stream = await this.#open({ position: 0, end: firstEnd })
          return { stream, meta: await this.#sizeAndValidator(stream) }
        })
        first = opened.stream
        const meta = opened.meta
        const claimed = await this.#claim(
          safeFileName(nameFromHeaders(first.headers) ?? request.knownName ?? 'download'),
          meta,
        )
        if ('status' in claimed) {
          first.stream.destroy()
          return claimed
        }
        name = claimed.name
        part = claimed.part
        if (part.doneBytes > 0) {
          // Bytes an earlier attempt left for this link: fetch only what they lack.
          first.stream.destroy()
          first = null
        }
      }
      await this.#events.onMeta({ name, size: part.size, partPath: part.partPath, doneBytes: part.doneBytes })
      await this.#download(part, first, releaseFirst, minSegment)
      first = null
      return await this.#finish(part, name)
    } catch (error) {
      first?.stream.destroy()
      if (part) await part.close().catch(() => undefined)
      throw error
    } finally {
      releaseFirst()
      if (part) deps.reserved.delete(pathInside(request.dir, basename(part.partPath).replace(/\.part$/, '')))
    }
  }

  async #download(
    part: PartFile,
    first: OpenedStream | null,
    releaseFirst: () => void,
    minSegment: number,
  ): Promise<void> {
    // A server that ignores Range sends the whole file: then one connection takes it all.
    const whole = first?.status === 200
    let connections = whole ? 1 : this.#request.connections
    const firstRange =
      first && !whole ? servedRange(first.status, first.headers, { start: 0, size: part.size }) : null
    const head = first
      ? { start: 0, end: whole ? part.size : Math.min(firstRange?.end ?? part.size, part.size) }
      : null
    const missing = part
      .missing()
      .flatMap((gap) =>
        head && gap.start < head.end
          ? gap.end > head.end
            ? [{ start: head.end, end: gap.end }]
            : []
          : [gap],
      )
    const pending = planSegments(missing, connections, minSegment)
    if (!head && pending.length === 0) return
    const active = new Set<ActiveSegment>()
    const errors: unknown[] = []
    /** The first failure that no retry can mend stops every connection of the file. */
    const fatal = (error: unknown) => {
      errors.push(error)
      if (!this.#signal.aborted) this.#fatal.abort(error)
    }
    let flushing: Promise<void> = Promise.resolve()
    let lastRecord = this.#deps.clock.now()
    let lastSync = lastRecord
    const maybeFlush = () => {
      const now = this.#deps.clock.now()
      if (now - lastRecord < RECORD_INTERVAL_MS) return
      lastRecord = now
      const sync = now - lastSync >= SYNC_INTERVAL_MS
      if (sync) lastSync = now
      flushing = flushing
        .then(() => (sync ? part.flush() : part.record()))
        .catch((error: unknown) => {
          fatal(error instanceof TransferFailureError ? error : diskFailure(error, part.partPath))
        })
    }

    const runSegment = async (segment: ActiveSegment, opened: OpenedStream | null): Promise<void> => {
      let failures = 0
      let stream = opened
      while (segment.position < segment.end) {
        try {
          if (!stream) {
            const window = this.#window(connections)
            stream = await this.#open({
              get position() {
                return segment.position
              },
              get end() {
                return window === null ? segment.end : Math.min(segment.end, segment.position + window)
              },
            })
          }
          // Nothing is written unless the answer is exactly the part asked for (the part is kept).
          const served = servedRange(stream.status, stream.headers, {
            start: segment.position,
            size: part.size,
          })
          await this.#pump(stream, segment, Math.min(served.end, segment.end), part, maybeFlush)
          stream = null
          failures = 0
        } catch (error) {
          stream?.stream.destroy()
          stream = null
          if (this.#signal.aborted) throw this.#signal.reason
          if (error instanceof TransferFailureError && error.code === 'SERVER_CHANGED_FILE') throw error
          if (error instanceof ConnectionCapError && active.size > 1) {
            // A cap, not a failure: hand the rest back and go on with fewer connections.
            pending.unshift({ start: segment.position, end: segment.end })
            segment.end = segment.position
            connections = Math.max(1, Math.min(connections, active.size - 1))
            this.#deps.budget.refused()
            return
          }
          if (!isRetriable(error) || isFinalForNow(error) || ++failures >= SEGMENT_ATTEMPTS) throw error
          await this.#deps.clock.sleep(backoff(failures, TRANSFER_BACKOFF), this.#signal)
        }
      }
    }

    const workers = new Set<Promise<void>>()
    const launch = (segment: ActiveSegment, opened: OpenedStream | null, release: () => void) => {
      segment.startedAt = this.#deps.clock.now()
      segment.startedFrom = segment.position
      active.add(segment)
      this.#alive++
      const worker = runSegment(segment, opened)
        .catch(fatal)
        .finally(() => {
          this.#alive--
          active.delete(segment)
          release()
          workers.delete(worker)
          if (errors.length === 0) fill()
        })
      workers.add(worker)
    }
    const fill = () => {
      while (workers.size < connections && !this.#signal.aborted) {
        const release = this.#deps.budget.tryAcquire()
        if (!release) return
        const next = pending.shift() ?? stealTail([...active], minSegment, this.#deps.clock.now())
        if (!next) {
          release()
          return
        }
        launch({ position: next.start, end: next.end }, null, release)
      }
    }

    const initial = head ?? pending.shift()!
    launch({ position: initial.start, end: initial.end }, first, releaseFirst)
    fill()
    while (workers.size > 0) await Promise.race(workers)
    await flushing
    if (errors.length > 0) {
      const changed = errors.find(
        (e) => e instanceof TransferFailureError && e.code === 'SERVER_CHANGED_FILE',
      )
      if (changed) {
        // Start over from scratch on the next attempt, with the name and size the server gives then.
        await part.discard()
        await this.#events.onRestart?.((changed as Error).message)
      }
      throw changed ?? errors[0]
    }
    if (this.#signal.aborted) throw this.#signal.reason
  }

  /** Bytes per request under the speed limit, or null (no limit: the whole segment). */
  #window(connections: number): number | null {
    const rate = this.#deps.limiter.rate
    if (rate <= 0) return null
    return Math.max(MIN_WINDOW_BYTES, Math.floor((rate * WINDOW_MS) / 1000 / connections))
  }

  /** Writes what the response brings for `segment`, up to its end or the end of the range served (`until`). */
  async #pump(
    opened: OpenedStream,
    segment: ActiveSegment,
    until: number,
    part: PartFile,
    maybeFlush: () => void,
  ): Promise<void> {
    const idleMs = this.#deps.idleTimeoutMs ?? 30_000
    if (opened.stream instanceof DirectBody) {
      await pumpDirect(opened.stream, segment, until, {
        part,
        limiter: this.#deps.limiter,
        signal: this.#signal,
        idleTimeoutMs: idleMs,
        onWritten: (bytes) => {
          this.#events.onBytes(bytes)
          maybeFlush()
        },
      })
    } else {
      await this.#pumpStream(opened.stream, segment, until, part, maybeFlush, idleMs)
    }
    if (segment.position < Math.min(segment.end, until)) {
      throw new TransferFailureError('SHORT_BODY', 'The connection ended before the part was complete.', {
        retriable: true,
      })
    }
  }

  /** The same over node:http's stream: chunks gathered into blocks by a `SegmentWriter`. */
  async #pumpStream(
    stream: Exclude<RangeBody, DirectBody>,
    segment: ActiveSegment,
    until: number,
    part: PartFile,
    maybeFlush: () => void,
    idleMs: number,
  ): Promise<void> {
    const idle = setTimeout(
      () => stream.destroy(new TransferFailureError('STALLED', 'The download stalled.', { retriable: true })),
      idleMs,
    )
    const limiter = this.#deps.limiter
    // `segment.position` counts bytes received (what a hand-off splits on); the writer counts them
    // to the progress once they are written.
    const writer = new SegmentWriter(
      part,
      segment.position,
      (bytes) => {
        this.#events.onBytes(bytes)
        maybeFlush()
      },
      () => this.#deps.clock.now(),
    )
    try {
      for await (const chunk of stream) {
        idle.refresh()
        const room = Math.min(segment.end, until) - segment.position
        const piece = chunk.length > room ? chunk.subarray(0, room) : chunk
        if (limiter.rate > 0) await limiter.take(piece.length, this.#signal)
        segment.position += piece.length
        const full = writer.push(piece)
        if (full) {
          await full.catch((error: unknown) => {
            throw diskFailure(error, part.partPath)
          })
        }
        if (segment.position >= Math.min(segment.end, until)) {
          stream.destroy()
          break
        }
      }
    } finally {
      clearTimeout(idle)
      // What was received is written even when the connection failed: the next one starts after it.
      await writer.flush().catch((error: unknown) => {
        throw diskFailure(error, part.partPath)
      })
    }
  }

  async #finish(part: PartFile, name: string): Promise<DownloadOutcome> {
    if (part.missing().length > 0) {
      throw new TransferFailureError('SHORT_BODY', 'Some parts of the file are still missing.', {
        retriable: true,
      })
    }
    await part.flush()
    let verified = false
    if (this.#request.checksum) {
      const actual = await this.#deps.whirlpoolOfFile(part.partPath, this.#signal)
      if (actual.toLowerCase() !== this.#request.checksum.toLowerCase()) {
        await part.discard()
        await this.#events.onRestart?.('The checksum did not match.')
        throw new TransferFailureError(
          'CHECKSUM_MISMATCH',
          'The downloaded file does not match the checksum 1fichier gave; it will be downloaded again.',
          { retriable: true },
        )
      }
      verified = true
    }
    const { dir, conflict } = this.#request
    let finalName = name
    let finalPath = pathInside(dir, name)
    for (let attempt = 0; ; attempt++) {
      if (conflict === 'rename') {
        finalName = (await this.#finalName(name, pathInside(dir, name))).name
        finalPath = pathInside(dir, finalName)
      }
      const placed = await part
        .finalize(finalPath, { replace: conflict === 'overwrite' })
        .catch((error: unknown) => {
          throw error instanceof TransferFailureError ? error : diskFailure(error, finalPath)
        })
      if (placed) break
      // A file took the name while this one downloaded (another program, another process).
      if (conflict === 'skip' || attempt >= MAX_BUSY_NAMES) {
        await part.discard()
        return { status: 'skipped', path: finalPath, name: finalName }
      }
    }
    this.#deps.landed?.add(finalPath)
    return { status: 'completed', path: finalPath, name: finalName, size: part.size, verified }
  }
}

export type { PartControl }
