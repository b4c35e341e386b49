import type { IncomingHttpHeaders } from 'node:http'
import { formatBytes } from '../../../shared/format/format-bytes'
import { StagingRefusalError } from './staging-refusal'

/**
 * The size the page announces in `X-File-Size`, checked before a byte is read: a whole number, not empty
 * (1fichier takes no empty file), within `maxBytes`, and the same as `Content-Length` when that is sent.
 */
export function declaredSize(headers: IncomingHttpHeaders, maxBytes: number): number {
  const header = headers['x-file-size']
  if (typeof header !== 'string' || !/^\d{1,16}$/.test(header.trim()))
    throw new StagingRefusalError(
      400,
      'STAGING_SIZE_MISSING',
      'Say the file size in bytes in the X-File-Size header.',
    )
  const size = Number(header.trim())
  if (size === 0) throw new StagingRefusalError(400, 'STAGING_EMPTY', '1fichier does not accept empty files.')
  if (size > maxBytes)
    throw new StagingRefusalError(
      413,
      'STAGING_TOO_LARGE',
      `This file (${formatBytes(size)}) is over the server's limit for files sent from the browser (${formatBytes(maxBytes)}).`,
    )
  const length = headers['content-length']
  if (length !== undefined && Number(length) !== size)
    throw new StagingRefusalError(
      400,
      'STAGING_SIZE_MISMATCH',
      `X-File-Size (${size}) and Content-Length (${length}) differ.`,
    )
  return size
}
