import type { TransferProgress, TransferStatus, TransferView } from '../../shared/model/transfer'
import { emptyStatusCounts } from '../../shared/model/transfer'

/** What the tray, the taskbar and the quit prompt need to know about the queue, at one moment. */
export interface QueueSummary {
  counts: Record<TransferStatus, number>
  /** Bytes per second, over every running transfer. */
  downSpeed: number
  upSpeed: number
  /** Bytes done and expected over the unfinished transfers whose size is known. */
  bytesDone: number
  bytesTotal: number
}

export const EMPTY_COUNTS: Readonly<Record<TransferStatus, number>> = emptyStatusCounts()

const UNFINISHED: ReadonlySet<TransferStatus> = new Set(['queued', 'active', 'retrying', 'paused'])

/**
 * The summary of `items`, with the live byte counts and speeds of the last progress tick (the items'
 * own `bytesDone` lags behind while a transfer runs).
 */
export function summarizeQueue(
  items: Iterable<TransferView>,
  tick?: { items: readonly TransferProgress[]; totals: { downSpeed: number; upSpeed: number } },
): QueueSummary {
  const live = new Map(tick?.items.map((progress) => [progress.id, progress]))
  const counts = { ...EMPTY_COUNTS }
  let bytesDone = 0
  let bytesTotal = 0
  for (const item of items) {
    counts[item.status] += 1
    if (!UNFINISHED.has(item.status)) continue
    const progress = live.get(item.id)
    const total = progress?.total ?? item.bytesTotal
    if (total === null || total <= 0) continue
    bytesTotal += total
    bytesDone += Math.min(total, progress?.bytes ?? item.bytesDone)
  }
  // The last tick may predate the end of the last transfer.
  const moving = counts.active + counts.retrying > 0
  return {
    counts,
    downSpeed: moving ? (tick?.totals.downSpeed ?? 0) : 0,
    upSpeed: moving ? (tick?.totals.upSpeed ?? 0) : 0,
    bytesDone,
    bytesTotal,
  }
}

/** Transfers that are moving or waiting for their turn (not paused, not finished). */
export function runningCount(summary: QueueSummary): number {
  return summary.counts.active + summary.counts.retrying + summary.counts.queued
}

/** Overall progress of the unfinished transfers, 0…1, or null when no size is known. */
export function overallProgress(summary: QueueSummary): number | null {
  return summary.bytesTotal > 0 ? Math.min(1, summary.bytesDone / summary.bytesTotal) : null
}
