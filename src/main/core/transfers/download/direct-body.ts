import { connect as netConnect, isIP, type OnReadOpts, type Socket } from 'node:net'
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls'
import { parseResponseHead, plainBodyLength } from './response-head'
import { timeoutError, type RangeRequestOptions } from './range-request'
import { TransferFailureError } from '../transfer-failure'

/** Memory one connection reads into, reused: a block of it is written while the next one fills. */
const SLAB_BYTES = 1024 * 1024
/** Slabs a connection keeps: one filling, the others being written; reading pauses when all are busy. */
const MAX_SLABS = 3
/** A read is always offered at least this much room (a TLS record is 16 KiB). */
const MIN_READ_BYTES = 64 * 1024
/** A longer head is left to node:http (1fichier's heads are well under 1 KiB). */
export const MAX_HEAD_BYTES = 8 * 1024
/** A slow connection's bytes are written at least this often. */
const MAX_BLOCK_AGE_MS = 250
const HEAD_END = Buffer.from('\r\n\r\n', 'latin1')
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/

/** Where the bytes of a body go: the consumer of `DirectBody.pipe`. */
export interface BodySink {
  /** `bytes` more arrived: answers how many of them to keep; keeping fewer ends the body there. */
  take(bytes: number): number
  /** False once the sink needs no more bytes: the body ends at once. */
  wantsMore(): boolean
  /** A wait before the connection reads on (a speed limit), or null. */
  throttle(bytes: number): Promise<void> | null
  /** Writes the next kept bytes (right after the previous block); the block's memory is reused once this settles. */
  write(block: Uint8Array): Promise<void>
}

export interface DirectResponse {
  status: number
  headers: Record<string, string>
  body: DirectBody
}

interface Slab {
  bytes: Buffer
  /** Writes in flight (and bytes held for a sink) in this slab: it is not reused before they are done. */
  pins: number
}

interface HeadSettle {
  resolve(value: DirectResponse | null): void
  reject(error: unknown): void
}

interface Region {
  slab: Slab
  from: number
  to: number
}

/** The request as written on the wire, or null for what this reader leaves to node:http. */
function requestText(target: URL, headers: Record<string, string>): string | null {
  if (target.username || target.password) return null
  let text = `GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\n`
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase()
    if (!TOKEN.test(name) || !FIELD_VALUE.test(value) || lower === 'host' || lower === 'connection')
      return null
    text += `${name}: ${value}\r\n`
  }
  return `${text}Connection: close\r\n\r\n`
}

function closedEarly(): TransferFailureError {
  return new TransferFailureError('SHORT_BODY', 'The connection ended before the part was complete.', {
    retriable: true,
  })
}

/**
 * One GET over its own connection (HTTP or HTTPS) whose body is read into a few reused slabs of
 * memory with the socket's `onread` (no fresh buffer per read, which is what costs node:http most
 * of its CPU on a fast download), and handed to a sink as blocks that are written in place.
 * Nothing is ever read into a slab while a write of it is in flight: reading pauses when every slab
 * is busy (and the rare bytes TLS still delivers then get a slab of their own).
 *
 * `open` answers null for any exchange it leaves to node:http: a request it would not write as
 * is, a head it does not read (too long, folded, 1xx), a 200/206 without a plain `Content-Length`
 * (chunked, compressed). Other statuses are answered with their head; their body is not read.
 */
export class DirectBody {
  readonly #socket: Socket
  readonly #signal: AbortSignal
  #head: HeadSettle | null
  #timer: NodeJS.Timeout
  #free: Slab[] = []
  #slabs = 0
  #cur: Slab
  /** In the current slab: bytes before `#from` are handed to writes, `[#from, #acc)` are kept, `[#acc, #fill)` await a sink. */
  #from = 0
  #acc = 0
  #fill = 0
  /** When the oldest kept byte not yet written arrived. */
  #keptAt: number | null = null
  /** Bytes received before a sink was attached, from slabs already full. */
  #held: Region[] = []
  /** Body bytes still to come; null while the head is read, or for a body that is not read. */
  #remaining: number | null = null
  #headDone = false
  #sink: BodySink | null = null
  #settle: { resolve(): void; reject(error: unknown): void } | null = null
  #gates = 0
  #paused = false
  #writes = 0
  #writeError: unknown = null
  /** Set once the body is over (complete, stopped or failed): no byte is kept after it. */
  #ended = false
  /** Set once the body is settled or settling: its outcome is decided. */
  #over = false
  #failure: unknown = null

  private constructor(target: URL, request: string, options: RangeRequestOptions, head: HeadSettle) {
    this.#signal = options.signal
    this.#head = head
    this.#cur = this.#takeSlab()
    const host = target.hostname.replace(/^\[|\]$/g, '')
    const secure = target.protocol === 'https:'
    const port = Number(target.port) || (secure ? 443 : 80)
    const onread: OnReadOpts = {
      buffer: () => this.#cur.bytes.subarray(this.#fill),
      callback: (bytes: number) => this.#onRead(bytes),
    }
    // tls.connect takes `onread` as net.connect does (its typings omit it).
    const secureOptions: ConnectionOptions & { onread: OnReadOpts } = {
      host,
      port,
      ...(isIP(host) ? {} : { servername: host }),
      onread,
    }
    this.#socket = secure ? tlsConnect(secureOptions) : netConnect({ host, port, onread })
    this.#timer = setTimeout(
      () => this.#socket.destroy(timeoutError('accept the connection', options.connectTimeoutMs)),
      options.connectTimeoutMs,
    )
    this.#socket.once('connect', () => {
      clearTimeout(this.#timer)
      this.#timer = setTimeout(
        () => this.#socket.destroy(timeoutError('answer', options.responseTimeoutMs)),
        options.responseTimeoutMs,
      )
    })
    this.#socket.on('error', (error) => this.#fail(error))
    this.#socket.once('close', () => {
      clearTimeout(this.#timer)
      this.#signal.removeEventListener('abort', this.#onAbort)
      this.#fail(!this.#headDone || this.#remaining === 0 ? null : closedEarly())
    })
    this.#signal.addEventListener('abort', this.#onAbort)
    this.#socket.write(request, 'latin1')
  }

  static open(target: URL, options: RangeRequestOptions): Promise<DirectResponse | null> {
    const request = requestText(target, options.headers)
    if (request === null) return Promise.resolve(null)
    if (options.signal.aborted) return Promise.reject(options.signal.reason)
    return new Promise((resolve, reject) => new DirectBody(target, request, options, { resolve, reject }))
  }

  /**
   * Hands the body to `sink` until it is complete, the sink wants no more, or the connection fails;
   * settles once every block is written. Rejects with the first write's failure, else the
   * connection's (a body cut short is `SHORT_BODY`).
   */
  pipe(sink: BodySink): Promise<void> {
    if (this.#remaining === null || this.#sink) {
      this.destroy()
      return Promise.reject(
        new TransferFailureError('BAD_RESPONSE', 'The download server sent a body that cannot be read.', {
          retriable: true,
        }),
      )
    }
    this.#sink = sink
    return new Promise((resolve, reject) => {
      this.#settle = { resolve, reject }
      // What arrived before the sink, in order: full slabs, then the current one.
      for (const region of this.#held.splice(0)) {
        const length = region.to - region.from
        const kept = this.#ended ? 0 : this.#offer(length)
        if (kept > 0) this.#write(region.slab, region.from, region.from + kept)
        this.#unpin(region.slab)
        if (kept < length) this.#ended = true
      }
      if (this.#ended) this.#fill = this.#acc
      else this.#accept()
      if (this.#ended || this.#remaining === 0 || this.#failure !== null) this.#end(this.#failure)
      else this.#flow()
    })
  }

  /** Drops the connection; a body being piped ends with `error` (written bytes stay written). */
  destroy(error?: Error): void {
    this.#fail(
      error ??
        Object.assign(new Error('The download connection was closed.'), {
          code: 'ERR_STREAM_PREMATURE_CLOSE',
        }),
    )
  }

  readonly #onAbort = (): void => {
    this.#fail(this.#signal.reason)
  }

  #takeSlab(): Slab {
    const slab = this.#free.pop()
    if (slab) return slab
    this.#slabs++
    return { bytes: Buffer.allocUnsafeSlow(SLAB_BYTES), pins: 0 }
  }

  #unpin(slab: Slab): void {
    slab.pins--
    this.#recycle(slab)
  }

  /** A slab nothing uses any more (no write, no held bytes, not the one being read into) is reused. */
  #recycle(slab: Slab): void {
    if (slab.pins > 0 || slab === this.#cur) return
    if (this.#slabs > MAX_SLABS) this.#slabs--
    else this.#free.push(slab)
  }

  /** A socket read of `bytes`, at `#fill` in the current slab. Answers whether to read on. */
  #onRead(bytes: number): boolean {
    if (!this.#headDone) return this.#readHead(bytes)
    if (this.#remaining === null || this.#ended) return false
    const fresh = Math.min(bytes, this.#remaining)
    this.#fill += fresh
    this.#remaining -= fresh
    if (!this.#sink) {
      this.#holdIfFull()
      this.#paused = true
      return false
    }
    this.#accept()
    if (this.#ended || this.#remaining === 0) {
      this.#end(null)
      return false
    }
    if (this.#cur.bytes.length - this.#fill < MIN_READ_BYTES) {
      this.#seal()
      this.#nextSlab()
    } else if (this.#keptAt !== null && Date.now() - this.#keptAt >= MAX_BLOCK_AGE_MS) {
      this.#seal()
    }
    this.#paused = !this.#reading()
    return !this.#paused
  }

  #readHead(bytes: number): boolean {
    const searchFrom = Math.max(0, this.#fill - 3)
    this.#fill += bytes
    const end = this.#cur.bytes.subarray(0, this.#fill).indexOf(HEAD_END, searchFrom)
    if (end < 0 || end > MAX_HEAD_BYTES) {
      if (end >= 0 || this.#fill > MAX_HEAD_BYTES) this.#fallBack()
      return true
    }
    const head = parseResponseHead(this.#cur.bytes.toString('latin1', 0, end))
    const framed = head && (head.status === 200 || head.status === 206)
    const length = head && framed ? plainBodyLength(head) : null
    if (!head || head.status < 200 || (framed && length === null)) {
      this.#fallBack()
      return false
    }
    clearTimeout(this.#timer)
    this.#headDone = true
    this.#remaining = length
    const bodyStart = end + HEAD_END.length
    const early = this.#fill - bodyStart
    this.#from = this.#acc = this.#fill = bodyStart
    const settle = this.#head
    this.#head = null
    settle?.resolve({ status: head.status, headers: head.headers, body: this })
    // Reading waits for a sink; what came with the head is kept for it.
    if (length !== null && early > 0) this.#onRead(early)
    this.#paused = true
    return false
  }

  #fallBack(): void {
    const settle = this.#head
    this.#head = null
    this.#headDone = true
    this.#ended = true
    this.#socket.destroy()
    settle?.resolve(null)
  }

  /** Before a sink: a slab too full to offer a read is set aside, whole, for it. */
  #holdIfFull(): void {
    if (this.#cur.bytes.length - this.#fill >= MIN_READ_BYTES) return
    if (this.#fill > this.#acc) {
      this.#cur.pins++
      this.#held.push({ slab: this.#cur, from: this.#acc, to: this.#fill })
    }
    this.#nextSlab()
  }

  /** Offers the sink the bytes received since the last offer; drops what it refuses. */
  #accept(): void {
    const fresh = this.#fill - this.#acc
    if (fresh === 0) return
    const kept = this.#offer(fresh)
    this.#fill = this.#acc = this.#acc + kept
    if (kept > 0) this.#keptAt ??= Date.now()
    if (kept < fresh) this.#ended = true
  }

  #offer(bytes: number): number {
    const sink = this.#sink!
    const kept = Math.max(0, Math.min(bytes, sink.take(bytes)))
    if (!sink.wantsMore()) this.#ended = true
    const gate = kept > 0 ? sink.throttle(kept) : null
    if (gate) {
      this.#gates++
      gate.then(
        () => {
          this.#gates--
          this.#flow()
        },
        (error: unknown) => this.#fail(error),
      )
    }
    return kept
  }

  /** Writes the kept bytes of the current slab not written yet. */
  #seal(): void {
    if (this.#acc > this.#from) this.#write(this.#cur, this.#from, this.#acc)
    this.#from = this.#acc
    this.#keptAt = null
  }

  #nextSlab(): void {
    const old = this.#cur
    this.#cur = this.#takeSlab()
    this.#from = this.#acc = this.#fill = 0
    this.#recycle(old)
  }

  #write(slab: Slab, from: number, to: number): void {
    slab.pins++
    this.#writes++
    this.#sink!.write(slab.bytes.subarray(from, to)).then(
      () => {
        this.#writes--
        this.#unpin(slab)
        this.#flow()
        this.#settleIfDone()
      },
      (error: unknown) => {
        this.#writes--
        this.#writeError ??= error
        this.#fail(error)
        this.#settleIfDone()
      },
    )
  }

  /** Whether the socket may read: a sink, no speed-limit wait, and a free slab for when this one fills. */
  #reading(): boolean {
    return (
      this.#sink !== null &&
      !this.#ended &&
      this.#gates === 0 &&
      (this.#free.length > 0 || this.#slabs < MAX_SLABS)
    )
  }

  #flow(): void {
    if (this.#paused && this.#reading() && !this.#socket.destroyed) {
      this.#paused = false
      this.#socket.resume()
    }
  }

  /** The connection failed, was dropped or closed (`error` null: after the whole body). */
  #fail(error: unknown): void {
    if (this.#head) {
      const settle = this.#head
      this.#head = null
      this.#headDone = true
      this.#ended = true
      clearTimeout(this.#timer)
      this.#socket.destroy()
      settle.reject(
        error ??
          Object.assign(new Error('The download server closed the connection before answering.'), {
            code: 'ECONNRESET',
          }),
      )
      return
    }
    if (this.#sink) this.#end(error)
    else {
      this.#failure ??= error
      if (!this.#socket.destroyed) this.#socket.destroy()
    }
  }

  /** Ends the body: writes what was kept, drops the connection, settles once the writes are done. */
  #end(error: unknown): void {
    if (this.#settle === null || this.#over) return
    this.#over = true
    this.#failure = error
    this.#ended = true
    this.#seal()
    if (!this.#socket.destroyed) this.#socket.destroy()
    this.#settleIfDone()
  }

  #settleIfDone(): void {
    const settle = this.#settle
    if (!settle || !this.#over || this.#writes > 0) return
    this.#settle = null
    const error = this.#writeError ?? this.#failure
    if (error === null) settle.resolve()
    else settle.reject(error)
  }
}
