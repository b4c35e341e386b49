import { createWriteStream } from 'node:fs'
import { statfs } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { formatBytes } from '../../../shared/format/format-bytes'
import { StagingRefusalError } from './staging-refusal'

/** Refuses a file the staging folder's disk has no room for (said before a byte is read). */
export async function checkFreeSpace(dir: string, size: number): Promise<void> {
  let free: number
  try {
    const stats = await statfs(dir)
    free = stats.bavail * stats.bsize
  } catch {
    return // statfs is missing on some file systems: let the writes tell.
  }
  if (size > free)
    throw new StagingRefusalError(
      507,
      'STAGING_NO_SPACE',
      `The server has ${formatBytes(free)} free for files sent from the browser; this one needs ${formatBytes(size)}.`,
    )
}

/** The page went away before the whole body came (the connection closed). */
export class BodyCutOffError extends Error {
  constructor() {
    super('the connection closed before the whole file came')
    this.name = 'BodyCutOffError'
  }
}

/**
 * Streams the request body into a new file at `path` (never over an existing one; mode 0600) and checks it
 * holds exactly `size` bytes: a longer body is cut off as soon as it passes `size`, a shorter one is an error,
 * and a connection that closes first is a `BodyCutOffError`. The request itself is left open, so that a
 * refusal can still be answered. The caller removes what was written when this throws.
 */
export async function receiveFile(req: IncomingMessage, path: string, size: number): Promise<void> {
  let received = 0
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length
      if (received > size)
        done(
          new StagingRefusalError(
            400,
            'STAGING_SIZE_MISMATCH',
            `The file is longer than the ${size} bytes its X-File-Size says.`,
          ),
        )
      else done(null, chunk)
    },
  })
  const onClose = () => {
    if (!req.complete) counter.destroy(new BodyCutOffError())
  }
  req.once('close', onClose)
  req.pipe(counter)
  try {
    await pipeline(counter, createWriteStream(path, { flags: 'wx', mode: 0o600 }))
  } finally {
    req.off('close', onClose)
    req.unpipe(counter)
  }
  if (received !== size)
    throw new StagingRefusalError(
      400,
      'STAGING_INCOMPLETE',
      `Received ${received} of ${size} bytes: the file was cut short.`,
    )
}
