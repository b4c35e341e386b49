import type { TransferView } from '../../shared/model/transfer'

/** The lifecycle view of the queue: `ids` in queue order, `byId` for O(1) row lookups. */
export interface TransferItemsState {
  /** Revision of the last snapshot or batch applied; 0 before the first snapshot. */
  revision: number
  ids: readonly string[]
  byId: Readonly<Record<string, TransferView>>
  /** False until the first snapshot arrived. */
  loaded: boolean
}

export const EMPTY_TRANSFER_ITEMS: TransferItemsState = { revision: 0, ids: [], byId: {}, loaded: false }
