import { z } from 'zod'

export const TransferKind = z.enum(['download', 'upload', 'remote-upload'])
export type TransferKind = z.infer<typeof TransferKind>

/**
 * `queued` waits for a slot, `active` moves bytes, `retrying` waits out a backoff after a transient
 * failure, `paused` was stopped by the user (or by a condition such as a full disk), and the three
 * last ones are terminal.
 */
export const TransferStatus = z.enum([
  'queued',
  'active',
  'retrying',
  'paused',
  'completed',
  'failed',
  'canceled',
])
export type TransferStatus = z.infer<typeof TransferStatus>

export const TERMINAL_STATUSES: readonly TransferStatus[] = ['completed', 'failed', 'canceled']

/** A count of zero for every status, to add up from. */
export function emptyStatusCounts(): Record<TransferStatus, number> {
  return Object.fromEntries(TransferStatus.options.map((status) => [status, 0])) as Record<
    TransferStatus,
    number
  >
}

export const TransferError = z.object({
  code: z.string().min(1),
  message: z.string(),
})
export type TransferError = z.infer<typeof TransferError>

/** What the renderer and the CLI see of one transfer. Times are epoch milliseconds. */
export const TransferView = z.object({
  id: z.string().min(1),
  kind: TransferKind,
  /** Download: the public link. Upload: the local path. Remote upload: the fetched URL. */
  source: z.string(),
  /** Download: the local folder. Upload and remote upload: the remote folder id, as text. */
  target: z.string(),
  name: z.string(),
  status: TransferStatus,
  bytesDone: z.number().nonnegative(),
  bytesTotal: z.number().nonnegative().nullable(),
  error: TransferError.optional(),
  attempts: z.number().int().nonnegative(),
  createdAt: z.number(),
  finishedAt: z.number().optional(),
  order: z.number(),
  /** Links of a distant file once known (the download's source, or the upload's result). */
  link: z.string().optional(),
  removeLink: z.string().optional(),
  checksum: z.string().optional(),
  /** A remark on how the transfer ended, e.g. that an upload was skipped as already present. */
  note: z.string().optional(),
  /**
   * Completed without moving a byte because the file was already there: a download whose name was
   * taken in its folder (conflict policy `skip`), or an upload already in its remote folder.
   */
  skipped: z.boolean().optional(),
  /** Items added together from one folder link or one dropped folder share a group. */
  groupId: z.string().optional(),
})
export type TransferView = z.infer<typeof TransferView>

export const TransferProgress = z.object({
  id: z.string(),
  bytes: z.number().nonnegative(),
  total: z.number().nonnegative().nullable(),
  /** Bytes per second, smoothed. */
  speed: z.number().nonnegative(),
  /** Seconds left, or null when unknown. */
  eta: z.number().nonnegative().nullable(),
})
export type TransferProgress = z.infer<typeof TransferProgress>

export const TransferTotals = z.object({
  downSpeed: z.number().nonnegative(),
  upSpeed: z.number().nonnegative(),
  counts: z.record(TransferStatus, z.number().int().nonnegative()),
  /** Seconds until every active and queued transfer is done at the current speed, or null. */
  eta: z.number().nonnegative().nullable(),
})
export type TransferTotals = z.infer<typeof TransferTotals>
