import type { PartFile } from './part-file'

/** Bytes gathered before one vectored write. */
export const WRITE_BLOCK_BYTES = 1024 * 1024
/** A slow connection's bytes are written (and counted) at least this often. */
const MAX_BLOCK_AGE_MS = 250
/** Well under the platforms' iovec limits, even for connections that deliver tiny chunks. */
const MAX_BLOCK_CHUNKS = 256

/**
 * Writes what one connection receives into the part file: chunks are gathered, not copied, into
 * blocks of about 1 MiB written at their position with one vectored write, one block in flight
 * while the next one fills. A write per network chunk (64 KiB or less) costs a thread-pool round
 * trip and a promise each, which dominated the CPU of a fast download. `onWritten` counts bytes
 * once they are written.
 */
export class SegmentWriter {
  readonly #part: PartFile
  readonly #onWritten: (bytes: number) => void
  readonly #now: () => number
  readonly #blockBytes: number
  #chunks: Uint8Array[] = []
  #buffered = 0
  #firstAt = 0
  /** File position of the first gathered byte. */
  #position: number
  #inFlight: Promise<void> | null = null

  constructor(
    part: PartFile,
    position: number,
    onWritten: (bytes: number) => void,
    now: () => number,
    blockBytes = WRITE_BLOCK_BYTES,
  ) {
    this.#part = part
    this.#position = position
    this.#onWritten = onWritten
    this.#now = now
    this.#blockBytes = blockBytes
  }

  /**
   * Takes the next chunk (the one after the last taken, in file order). Answers a promise only when
   * a full block has to wait for the write before it; await it before the next `push`.
   */
  push(chunk: Uint8Array): Promise<void> | undefined {
    if (this.#chunks.length === 0) this.#firstAt = this.#now()
    this.#chunks.push(chunk)
    this.#buffered += chunk.length
    if (
      this.#buffered >= this.#blockBytes ||
      this.#chunks.length >= MAX_BLOCK_CHUNKS ||
      this.#now() - this.#firstAt >= MAX_BLOCK_AGE_MS
    ) {
      return this.#send()
    }
    return undefined
  }

  /** Writes whatever is gathered and waits for every write; rejects with the first write's failure. */
  async flush(): Promise<void> {
    if (this.#buffered > 0) await this.#send()
    const last = this.#inFlight
    this.#inFlight = null
    await last
  }

  async #send(): Promise<void> {
    const previous = this.#inFlight
    this.#inFlight = null
    await previous
    const chunks = this.#chunks
    const bytes = this.#buffered
    const position = this.#position
    this.#chunks = []
    this.#buffered = 0
    this.#position += bytes
    const write = this.#part.write(chunks, position).then(() => this.#onWritten(bytes))
    // Awaited by the next send or flush; until then a failure must not count as unhandled.
    write.catch(() => undefined)
    this.#inFlight = write
  }
}
