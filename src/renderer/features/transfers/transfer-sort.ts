import { z } from 'zod'
import type { TransferStatus } from '../../../shared/model/transfer'
import { type TransferView } from '../../../shared/model/transfer'

export const SortKey = z.enum(['queue', 'name', 'size', 'progress', 'status', 'added'])
export type SortKey = z.infer<typeof SortKey>

export const SortDirection = z.enum(['asc', 'desc'])
export type SortDirection = z.infer<typeof SortDirection>

export interface TransferSort {
  key: SortKey
  direction: SortDirection
}

/** The queue's own order: the only one in which rows can be moved. */
export const QUEUE_ORDER: TransferSort = { key: 'queue', direction: 'asc' }

/** Running first, then waiting, stopped, and finished ones last. */
const STATUS_RANK: Record<TransferStatus, number> = {
  active: 0,
  retrying: 1,
  queued: 2,
  paused: 3,
  failed: 4,
  canceled: 5,
  completed: 6,
}

/** Share of the bytes done, from 0 to 1; a finished transfer is complete even when its size was unknown. */
function progressOf(item: TransferView): number {
  if (item.status === 'completed') return 1
  if (item.bytesTotal === null || item.bytesTotal === 0) return 0
  return Math.min(1, item.bytesDone / item.bytesTotal)
}

function numberOf(item: TransferView, key: Exclude<SortKey, 'queue' | 'name'>): number {
  switch (key) {
    case 'size':
      return item.bytesTotal ?? -1
    case 'progress':
      return progressOf(item)
    case 'status':
      return STATUS_RANK[item.status]
    case 'added':
      return item.createdAt
  }
}

/**
 * The ids in the order `sort` asks for, without touching the queue. Stable: rows that compare
 * equal keep their queue order, in both directions. Names compare with the rules of `language`.
 * Ids missing from `byId` keep their place after the others.
 */
export function sortTransferIds(
  ids: readonly string[],
  byId: Readonly<Record<string, TransferView>>,
  sort: TransferSort,
  language: string,
): readonly string[] {
  if (sort.key === 'queue') return sort.direction === 'asc' ? ids : [...ids].reverse()
  const sign = sort.direction === 'asc' ? 1 : -1
  const known: { id: string; index: number; item: TransferView }[] = []
  const unknown: string[] = []
  ids.forEach((id, index) => {
    const item = byId[id]
    if (item) known.push({ id, index, item })
    else unknown.push(id)
  })
  if (sort.key === 'name') {
    const collator = new Intl.Collator(language, { numeric: true, sensitivity: 'base' })
    known.sort((a, b) => sign * collator.compare(a.item.name, b.item.name) || a.index - b.index)
  } else {
    const key = sort.key
    const keyed = known.map((entry) => ({ ...entry, value: numberOf(entry.item, key) }))
    keyed.sort((a, b) => sign * (a.value - b.value) || a.index - b.index)
    return [...keyed.map((entry) => entry.id), ...unknown]
  }
  return [...known.map((entry) => entry.id), ...unknown]
}
