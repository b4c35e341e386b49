import { open, readFile, rename, rm, writeFile, type FileHandle } from 'node:fs/promises'
import { z } from 'zod'
import { RangeSet, type ByteRange } from './range-set'

export const PartControl = z.object({
  version: z.literal(1),
  link: z.string(),
  size: z.number().int().nonnegative(),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  ranges: z.array(z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })),
})
export type PartControl = z.infer<typeof PartControl>

export function controlPathOf(partPath: string): string {
  return `${partPath}.json`
}

/**
 * The bytes of an unfinished download: one `.part` file written at positions, and a small control
 * record beside it listing the finished ranges. The record is rewritten only after the data it
 * describes reached the disk (`datasync`), so after a crash it never claims bytes that are not there.
 */
export class PartFile {
  readonly partPath: string
  readonly #handle: FileHandle
  readonly #done: RangeSet
  /** Ranges written but not yet synced; they join `#done` at the next flush. */
  readonly #pending: ByteRange[] = []
  #meta: Omit<PartControl, 'ranges' | 'version'>
  #closed = false

  private constructor(
    partPath: string,
    handle: FileHandle,
    meta: Omit<PartControl, 'ranges' | 'version'>,
    done: RangeSet,
  ) {
    this.partPath = partPath
    this.#handle = handle
    this.#meta = meta
    this.#done = done
  }

  /** Reads the control record of an earlier attempt, or null if there is none or it is unusable. */
  static async readControl(partPath: string): Promise<PartControl | null> {
    try {
      const parsed = PartControl.safeParse(JSON.parse(await readFile(controlPathOf(partPath), 'utf8')))
      return parsed.success ? parsed.data : null
    } catch {
      return null
    }
  }

  /** Opens (or creates) the part file; `resume` keeps the ranges of a matching control record. */
  static async open(
    partPath: string,
    meta: Omit<PartControl, 'ranges' | 'version'>,
    resume: PartControl | null,
  ): Promise<PartFile> {
    const handle = await open(partPath, resume ? 'r+' : 'w+').catch(async (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return open(partPath, 'w+')
      throw error
    })
    const done = new RangeSet(resume ? resume.ranges : [])
    const file = new PartFile(partPath, handle, meta, done)
    if (!resume) await file.flush()
    return file
  }

  get size(): number {
    return this.#meta.size
  }

  get meta(): Omit<PartControl, 'ranges' | 'version'> {
    return this.#meta
  }

  /** Bytes known to be on disk. */
  get doneBytes(): number {
    return this.#done.size
  }

  missing(): ByteRange[] {
    const all = new RangeSet(this.#done.toJSON())
    for (const range of this.#pending) all.add(range.start, range.end)
    return all.missing(this.#meta.size)
  }

  /** Writes consecutive chunks from `position` with one vectored write (more only if it falls short). */
  async write(chunks: readonly Uint8Array[], position: number): Promise<void> {
    let total = 0
    for (const chunk of chunks) total += chunk.length
    const { bytesWritten } = await this.#handle.writev(chunks, position)
    if (bytesWritten < total) {
      // Short writes are rare on regular files: finish the rest chunk by chunk.
      let skip = bytesWritten
      let at = position + bytesWritten
      for (const chunk of chunks) {
        if (skip >= chunk.length) {
          skip -= chunk.length
          continue
        }
        const rest = chunk.subarray(skip)
        skip = 0
        let offset = 0
        while (offset < rest.length) {
          const written = await this.#handle.write(rest, offset, rest.length - offset, at)
          offset += written.bytesWritten
          at += written.bytesWritten
        }
      }
    }
    this.#pending.push({ start: position, end: position + total })
  }

  /** Makes written bytes durable, then records them in the control file (atomically). */
  async flush(): Promise<void> {
    if (this.#closed) return
    const settled = this.#pending.splice(0)
    if (settled.length > 0) await this.#handle.datasync()
    for (const range of settled) this.#done.add(range.start, range.end)
    const control: PartControl = { version: 1, ...this.#meta, ranges: this.#done.toJSON() }
    const target = controlPathOf(this.partPath)
    const temp = `${target}.tmp`
    await writeFile(temp, JSON.stringify(control))
    await rename(temp, target)
  }

  async close(): Promise<void> {
    if (this.#closed) return
    await this.flush()
    this.#closed = true
    await this.#handle.close()
  }

  /** Syncs, closes and moves the finished file to `finalPath`; the control record goes away. */
  async finalize(finalPath: string): Promise<void> {
    await this.flush()
    await this.#handle.datasync()
    this.#closed = true
    await this.#handle.close()
    await rename(this.partPath, finalPath)
    await rm(controlPathOf(this.partPath), { force: true })
  }

  /** Gives up on the download: removes the part and its record. */
  async discard(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true
      await this.#handle.close()
    }
    await rm(this.partPath, { force: true })
    await rm(controlPathOf(this.partPath), { force: true })
  }
}
