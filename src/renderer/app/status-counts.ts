import type { TransferStatus } from '../../shared/model/transfer'
import type { TransferItemsState } from '../stores/transfer-items-state'

export type StatusCounts = Partial<Record<TransferStatus, number>>

/** How many transfers are in each status, from the lifecycle store (progress ticks stop when idle). */
export function countStatuses(state: TransferItemsState): StatusCounts {
  const counts: StatusCounts = {}
  for (const id of state.ids) {
    const status = state.byId[id]?.status
    if (status) counts[status] = (counts[status] ?? 0) + 1
  }
  return counts
}
