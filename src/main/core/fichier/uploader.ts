import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { Readable } from 'node:stream'
import type { ApiTransport } from './api-transport'
import type { Clock } from '../lib/clock'
import { FichierError } from './fichier-error'
import { createMultipartBody } from './multipart-body'
import { safeCause } from './redact'
import { UploadReport } from './wire-schemas'
import { createWhirlpoolHasher, type WhirlpoolHasher } from './whirlpool'
import type { UploadServer } from './wire-schemas'
import { toRemoteName } from '../../../shared/names/remote-name'

export type UploadSource =
  | { path: string; name?: string }
  /** A stream can be sent once: a failed upload from a stream is not restarted. */
  | { stream: Readable; size: number; name: string }

export interface UploadOptions {
  /** Destination folder; 0 or absent = root. */
  folderId?: number
  signal?: AbortSignal
  /** File bytes handed to the connection so far, and the file size. */
  onProgress?: (bytesSent: number, total: number) => void
  /** Waits until `bytes` more may be sent (a speed limit). */
  throttle?: (bytes: number, signal: AbortSignal | undefined) => Promise<void>
  /** Called with the node and upload id before any byte is sent, so they can be journaled. */
  onNode?: (node: string, xid: string) => Promise<void> | void
  /** Tries on fresh nodes in all (default 3). */
  attempts?: number
  /** Hash the file bytes while they are sent, to check 1fichier's checksum without reading the file twice. */
  hashWhileSending?: boolean
}

export interface UploadResult {
  link: string
  removeLink: string
  filename: string
  size: number
  whirlpool: string | null
  node: string
  xid: string
  /** Whirlpool of the bytes this client sent, when asked for (`hashWhileSending`) and the send completed. */
  sentWhirlpool?: string
}

export interface ReportPolicy {
  /** Reads of end.pl while it answers the wait page or no links. */
  attempts: number
  delayMs: number
}

export const DEFAULT_REPORT_POLICY: ReportPolicy = { attempts: 10, delayMs: 1500 }

const STALL_MS = 120_000

const REFUSAL =
  /pas de fichier|no file|ne peut ouvrir|cannot open|erreur|error|refus|interdit|forbidden|trop|too (big|large)/i

/** The upload protocol: fresh node, streamed multipart POST (never blindly repeated), end.pl report. */
export class Uploader {
  constructor(
    private readonly transport: ApiTransport,
    private readonly clock: Clock,
    private readonly uploadServer: (signal?: AbortSignal) => Promise<UploadServer>,
    private readonly reportPolicy: ReportPolicy = DEFAULT_REPORT_POLICY,
  ) {}

  async upload(source: UploadSource, options: UploadOptions = {}): Promise<UploadResult> {
    const file = await describeSource(source)
    const attempts = 'stream' in source ? 1 : Math.max(1, options.attempts ?? 3)
    let lastError: unknown
    for (let attempt = 1; attempt <= attempts; attempt++) {
      options.signal?.throwIfAborted()
      const server = await this.uploadServer(options.signal)
      await options.onNode?.(server.node, server.id)
      try {
        return await this.#send(server, file, options)
      } catch (error) {
        if (options.signal?.aborted) throw options.signal.reason
        lastError = error
        if (!(error instanceof FichierError) || !error.retriable) throw error
        // The bytes may have arrived before the connection failed: look before sending again.
        const landed = await this.collect(server.node, server.id, { attempts: 1 }).catch(() => null)
        if (landed) return landed
      }
    }
    throw lastError
  }

  /**
   * The result of an upload sent to `node` as `xid`, or null when the node has none
   * (never sent, expired, or still not ready after the bounded wait).
   */
  async collect(
    node: string,
    xid: string,
    policy: Partial<ReportPolicy> = {},
    signal?: AbortSignal,
  ): Promise<UploadResult | null> {
    const { attempts, delayMs } = { ...this.reportPolicy, ...policy }
    const key = await this.transport.currentKey()
    const url = `${this.transport.scheme}//${node}/end.pl?xid=${encodeURIComponent(xid)}`
    for (let attempt = 1; attempt <= attempts; attempt++) {
      let response
      const started = this.clock.now()
      const report = (outcome: string) =>
        this.transport.reportCall({ path: 'end.pl', outcome, ms: this.clock.now() - started, attempt })
      try {
        response = await this.transport.node(
          url,
          { method: 'GET', headers: { JSON: '1', 'content-type': 'application/json' }, signal },
          key,
        )
      } catch (error) {
        report(error instanceof FichierError ? error.code : 'NETWORK')
        // A reading is safe to repeat: a reset (stale kept-alive socket) or timeout only costs a try.
        if (!(error instanceof FichierError) || error.code !== 'NETWORK' || attempt >= attempts) throw error
        await this.clock.sleep(delayMs, signal)
        continue
      }
      const answer = parseReport(response.body)
      const first = answer?.links[0]
      report(
        first
          ? 'ok'
          : response.statusCode === 404 || response.statusCode === 410
            ? 'no report'
            : 'not ready yet',
      )
      if (first) {
        return {
          link: first.link,
          removeLink: first.removeLink,
          filename: first.filename,
          size: first.size ?? 0,
          whirlpool: first.whirlpool,
          node,
          xid,
        }
      }
      if (response.statusCode === 404 || response.statusCode === 410) return null
      if (attempt < attempts) await this.clock.sleep(delayMs * Math.min(attempt, 4), signal)
    }
    return null
  }

  async #send(server: UploadServer, file: SourceFile, options: UploadOptions): Promise<UploadResult> {
    const hasher = options.hashWhileSending ? await createWhirlpoolHasher() : null
    const body = createMultipartBody([['did', String(options.folderId ?? 0)]], {
      name: toRemoteName(file.name),
      size: file.size,
      stream: hasher ? () => hashing(file.open(), hasher) : file.open,
    })
    let sent = 0
    const chunks = body.chunks(async (chunk) => {
      if (options.throttle) await options.throttle(chunk.byteLength, options.signal)
      sent += chunk.byteLength
      options.onProgress?.(sent, file.size)
    })
    const key = await this.transport.currentKey()
    const url = `${this.transport.scheme}//${server.node}/upload.cgi?id=${encodeURIComponent(server.id)}`
    const response = await this.transport.node(
      url,
      {
        method: 'POST',
        headers: { 'content-type': body.contentType, 'content-length': String(body.contentLength) },
        body: Readable.from(chunks, { objectMode: false }),
        signal: options.signal,
        socketTimeoutMs: STALL_MS,
      },
      key,
    )
    const redirected = response.statusCode >= 300 && response.statusCode < 400
    // Some nodes answer 200 with the report page instead of the 302: anything but a known refusal.
    const acceptedWithPage = response.statusCode === 200 && !REFUSAL.test(firstBloc(response.body))
    if (redirected || acceptedWithPage) {
      const location = redirected ? (response.headers.location ?? '') : ''
      const xid = /[?&]xid=([A-Za-z0-9]+)/.exec(location)?.[1] ?? server.id
      const result = await this.collect(server.node, xid, {}, options.signal)
      if (result) return hasher ? { ...result, sentWhirlpool: hasher.digest() } : result
      throw new FichierError(
        'PROTOCOL',
        'The upload finished but 1fichier did not report the new link in time.',
        {
          httpStatus: response.statusCode,
        },
      )
    }
    throw refusalOf(response.statusCode, response.body, key)
  }
}

async function* hashing(
  chunks: AsyncIterable<Uint8Array>,
  hasher: WhirlpoolHasher,
): AsyncIterable<Uint8Array> {
  for await (const chunk of chunks) {
    hasher.update(chunk)
    yield chunk
  }
}

interface SourceFile {
  name: string
  size: number
  open: () => AsyncIterable<Uint8Array>
}

async function describeSource(source: UploadSource): Promise<SourceFile> {
  if ('stream' in source) {
    let used = false
    return {
      name: source.name,
      size: source.size,
      open: () => {
        if (used) throw new Error('An upload stream can be read only once.')
        used = true
        return source.stream
      },
    }
  }
  const info = await stat(source.path)
  if (!info.isFile()) throw new FichierError('PROTOCOL', `${source.path} is not a file.`)
  return {
    name: source.name ?? basename(source.path),
    size: info.size,
    open: () => createReadStream(source.path, { highWaterMark: 1 << 20 }),
  }
}

function parseReport(text: string): UploadReport | null {
  if (!text.trim().startsWith('{')) return null
  try {
    const parsed = UploadReport.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** The node's HTML refusal (its first `bloc2` div) as an error. */
function refusalOf(status: number, html: string, key: string | null): FichierError {
  const text = firstBloc(html)
  const cause = safeCause(new Error(`HTTP ${status}: ${text || html.slice(0, 120)}`), [key])
  if (/ne peut ouvrir|cannot open/i.test(text) || status >= 500) {
    return new FichierError(
      'SERVER',
      'The 1fichier upload server failed to store the file. Trying on another server.',
      {
        httpStatus: status,
        retriable: true,
        cause,
      },
    )
  }
  if (/pas de fichier|no file/i.test(text)) {
    return new FichierError('PROTOCOL', '1fichier found no file in the upload (malformed request).', {
      httpStatus: status,
      cause,
    })
  }
  return new FichierError(
    'SERVER',
    text ? `1fichier refused the upload: ${text}` : `1fichier refused the upload (HTTP ${status}).`,
    {
      httpStatus: status,
      cause,
    },
  )
}

/** The text of the node's first `<div class="bloc2">`, where it writes its verdict. */
function firstBloc(html: string): string {
  return /<div class="bloc2">\s*([^<]+?)\s*<\/div>/i.exec(html)?.[1]?.trim() ?? ''
}
