import { constants as fs } from 'node:fs'
import { link, open, readFile, rename, rm, stat, unlink, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { z } from 'zod'
import { syncDir } from '../../queue/sync-dir'
import { bootIdentity, sameBoot } from './boot-identity'
import { lockPart, type PartLock } from './part-lock'
import { RangeSet, type ByteRange } from './range-set'
import { TransferFailureError } from '../transfer-failure'

const Range = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })

export const PartControl = z.object({
  version: z.union([z.literal(1), z.literal(2)]),
  link: z.string(),
  size: z.number().int().nonnegative(),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  /** Ranges on the disk for sure: written, then synced. */
  ranges: z.array(Range),
  /** Ranges written (perhaps only in the OS's cache): trusted only on the boot that wrote them. */
  written: z.array(Range).optional(),
  boot: z.string().optional(),
})
export type PartControl = z.infer<typeof PartControl>

type PartMeta = Pick<PartControl, 'link' | 'size' | 'etag' | 'lastModified'>

export type PartClaim = { part: PartFile } | { busy: TransferFailureError; sameLink: boolean }

/** Errors of `link()` on file systems without hard links (FAT, exFAT, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV', 'EINVAL'])

/**
 * Puts `partPath` at `finalPath` as a second name (a hard link fails when the name exists, so no
 * other process's file is replaced): `linked` (the part's own name is then removed by the caller),
 * `taken`, or `unlinkable` where the file system has no hard links and only a check can be made.
 */
async function installWithoutReplacing(
  partPath: string,
  finalPath: string,
): Promise<'linked' | 'taken' | 'unlinkable'> {
  try {
    await link(partPath, finalPath)
    return 'linked'
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? ''
    if (code === 'EEXIST') {
      // The part's own second name, from a run stopped between the link and the unlink.
      const [part, existing] = await Promise.all([stat(partPath), stat(finalPath)])
      return part.ino === existing.ino && part.dev === existing.dev ? 'linked' : 'taken'
    }
    if (!NO_HARD_LINKS.has(code)) throw error
    const exists = await stat(finalPath).then(
      () => true,
      () => false,
    )
    return exists ? 'taken' : 'unlinkable'
  }
}

export function controlPathOf(partPath: string): string {
  return `${partPath}.json`
}

/**
 * The bytes of an unfinished download: one `.part` file written at positions, and a small control
 * record beside it. The record lists the ranges written (rewritten often, cheaply: a process killed
 * leaves them in the OS's cache) and the ranges synced (rewritten durably after a `datasync`: they
 * survive a power loss), with the boot that wrote them. One process at a time owns both files.
 */
export class PartFile {
  readonly partPath: string
  readonly #handle: FileHandle
  readonly #lock: PartLock
  readonly #boot: string
  /** Ranges written to the file (what the download still needs is the rest). */
  readonly #written: RangeSet
  /** Ranges known to be on the disk. */
  readonly #synced: RangeSet
  readonly #meta: PartMeta
  /** Control writes, one after the other (they share the temporary file). */
  #recording: Promise<void> = Promise.resolve()
  /** Whether bytes were written since the last datasync. */
  #dirty = false
  #closed = false

  private constructor(
    partPath: string,
    handle: FileHandle,
    lock: PartLock,
    boot: string,
    meta: PartMeta,
    ranges: { written: RangeSet; synced: RangeSet },
  ) {
    this.partPath = partPath
    this.#handle = handle
    this.#lock = lock
    this.#boot = boot
    this.#meta = meta
    this.#written = ranges.written
    this.#synced = ranges.synced
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

  /**
   * Takes the part file (see `lockPart`) and opens it. With `resume`, the ranges of its control
   * record are kept, read again under the lock: the written ones when this boot wrote them, else
   * the synced ones, and none past the file's length on disk (a part deleted or cut short is
   * downloaded again where it lacks bytes).
   */
  static async open(partPath: string, meta: PartMeta, resume: boolean): Promise<PartFile> {
    return PartFile.#openLocked(partPath, meta, resume, await lockPart(partPath))
  }

  /**
   * For a download that has no part yet: takes `partPath` unless another download owns it. Bytes
   * left there for this very link (an earlier attempt, perhaps of another process) are resumed;
   * a part another process is writing, or one holding another link's bytes, is left alone and
   * answered as `busy` (with whether it is this link's).
   */
  static async claim(partPath: string, meta: PartMeta): Promise<PartClaim> {
    let lock: PartLock
    try {
      lock = await lockPart(partPath, { wait: false })
    } catch (error) {
      if (!(error instanceof TransferFailureError) || error.code !== 'PART_IN_USE') throw error
      const owner = await PartFile.readControl(partPath)
      return { busy: error, sameLink: owner?.link === meta.link }
    }
    try {
      const control = await PartFile.readControl(partPath)
      const length = (await stat(partPath).catch(() => null))?.size ?? 0
      if (control ? control.link !== meta.link : length > 0) {
        await lock.release()
        return {
          busy: new TransferFailureError(
            'PART_IN_USE',
            `${partPath} holds the bytes of another download${control ? ` (${control.link})` : ''}; this one leaves it alone. Delete it if that download is no longer wanted.`,
            { retriable: false },
          ),
          sameLink: false,
        }
      }
    } catch (error) {
      await lock.release()
      throw error
    }
    // Its bytes are kept when the size agrees (an ETag tells nothing here: each node has its own).
    return { part: await PartFile.#openLocked(partPath, meta, true, lock) }
  }

  /**
   * Opens a file of this part (the part, its control record's temporary copy) without following a
   * symbolic link: a link planted in a shared download folder would have the download, or its
   * record, written over whatever file it points to. (Windows has no such flag; links there need
   * rights a download folder's other users rarely have.)
   */
  static async #openOwn(path: string, flags: number): Promise<FileHandle> {
    return open(path, flags | (fs.O_NOFOLLOW ?? 0)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ELOOP') throw error
      throw new TransferFailureError(
        'PART_IN_USE',
        `${path} is a symbolic link; a download writes only into a file of its own. Remove the link to download here.`,
        { retriable: false },
      )
    })
  }

  static async #openLocked(
    partPath: string,
    meta: PartMeta,
    resume: boolean,
    lock: PartLock,
  ): Promise<PartFile> {
    try {
      const boot = await bootIdentity()
      const control = resume ? await PartFile.readControl(partPath) : null
      const usable = control && control.link === meta.link && control.size === meta.size ? control : null
      const create = fs.O_RDWR | fs.O_CREAT | fs.O_TRUNC
      const handle = await PartFile.#openOwn(partPath, usable ? fs.O_RDWR : create).catch(
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return PartFile.#openOwn(partPath, create)
          throw error
        },
      )
      const length = usable ? (await handle.stat()).size : 0
      const clip = (ranges: readonly ByteRange[]) =>
        new RangeSet(
          ranges
            .map((range) => ({ start: range.start, end: Math.min(range.end, length) }))
            .filter((range) => range.end > range.start),
        )
      const synced = clip(usable?.ranges ?? [])
      const written = clip([
        ...(usable?.ranges ?? []),
        ...(usable && sameBoot(usable.boot, boot) ? (usable.written ?? []) : []),
      ])
      const file = new PartFile(partPath, handle, lock, boot, meta, { written, synced })
      // What an earlier process wrote may still be in the OS's cache only: the first sync covers it.
      file.#dirty = written.size > synced.size
      await file.flush()
      return file
    } catch (error) {
      await lock.release()
      throw error
    }
  }

  get size(): number {
    return this.#meta.size
  }

  get meta(): PartMeta {
    return this.#meta
  }

  /** Bytes written to the part file. */
  get doneBytes(): number {
    return this.#written.size
  }

  missing(): ByteRange[] {
    return this.#written.missing(this.#meta.size)
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
    this.#written.add(position, position + total)
    this.#dirty = true
  }

  /** Records the ranges written so far, without waiting for the disk (cheap; enough against a kill). */
  record(): Promise<void> {
    return this.#control(false)
  }

  /** Makes written bytes durable, then records them as synced (durably). */
  async flush(): Promise<void> {
    if (this.#closed) return
    const written = this.#written.toJSON()
    if (this.#dirty) {
      this.#dirty = false
      await this.#handle.datasync()
    }
    for (const range of written) this.#synced.add(range.start, range.end)
    await this.#control(true)
  }

  #control(durable: boolean): Promise<void> {
    const next = this.#recording.then(async () => {
      if (this.#closed) return
      if (this.#lock.lost) {
        throw new TransferFailureError(
          'PART_IN_USE',
          `The lock on ${this.partPath} was lost; another process may be writing it.`,
          { retriable: true, cause: this.#lock.lost },
        )
      }
      const control: PartControl = {
        version: 2,
        ...this.#meta,
        ranges: this.#synced.toJSON(),
        written: this.#written.toJSON(),
        boot: this.#boot,
      }
      const target = controlPathOf(this.partPath)
      const temp = `${target}.tmp`
      const handle = await PartFile.#openOwn(temp, fs.O_WRONLY | fs.O_CREAT | fs.O_TRUNC)
      try {
        await handle.writeFile(JSON.stringify(control))
        if (durable) await handle.sync()
      } finally {
        await handle.close()
      }
      await rename(temp, target)
      if (durable) await syncDir(dirname(target))
    })
    this.#recording = next.catch(() => undefined)
    return next
  }

  async close(): Promise<void> {
    if (this.#closed) return
    try {
      await this.flush()
    } finally {
      this.#closed = true
      await this.#handle.close()
      await this.#lock.release()
    }
  }

  /**
   * Syncs, closes and moves the finished file to `finalPath`; the control record goes away. The
   * file's length on disk is checked first: a part cut short (by another program, a full disk)
   * fails with `SIZE_MISMATCH`, and the next attempt downloads what it lacks. Unless `replace`,
   * a file already at `finalPath` is never replaced, even one that appeared a moment ago: the
   * answer is then false and the part stays open and owned, for another name or a discard.
   */
  async finalize(finalPath: string, options: { replace: boolean }): Promise<boolean> {
    await this.flush()
    const length = (await this.#handle.stat()).size
    if (length !== this.#meta.size) {
      throw new TransferFailureError(
        'SIZE_MISMATCH',
        `${this.partPath} holds ${length} bytes on disk instead of ${this.#meta.size}; the missing part will be downloaded again.`,
        { retriable: true },
      )
    }
    const linked = options.replace ? false : await installWithoutReplacing(this.partPath, finalPath)
    if (linked === 'taken') return false
    this.#closed = true
    await this.#handle.close()
    try {
      if (linked === 'linked') await unlink(this.partPath)
      else await rename(this.partPath, finalPath)
      await rm(controlPathOf(this.partPath), { force: true })
      await syncDir(dirname(finalPath))
    } finally {
      await this.#lock.release()
    }
    return true
  }

  /** Gives up on the download: removes the part and its record. */
  async discard(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true
      await this.#handle.close()
    }
    try {
      await rm(this.partPath, { force: true })
      await rm(controlPathOf(this.partPath), { force: true })
    } finally {
      await this.#lock.release()
    }
  }
}
