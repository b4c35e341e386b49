import type { EventPayload } from '../../shared/contract'
import type { TransferView } from '../../shared/model/transfer'
import { orderTransferIds } from './order-transfer-ids'
import type { TransferItemsState } from './transfer-items-state'

export type ChangeBatch = EventPayload<'transfers:changed'>

export type ChangeOutcome =
  | { kind: 'applied'; state: TransferItemsState }
  /** Already contained in the state (a batch older than the snapshot): nothing to do. */
  | { kind: 'stale' }
  /** At least one batch was missed: only a new snapshot can repair the state. */
  | { kind: 'gap' }

/** Builds the state a `transfers:list` snapshot describes. */
export function stateFromSnapshot(revision: number, items: readonly TransferView[]): TransferItemsState {
  const byId: Record<string, TransferView> = {}
  for (const item of items) byId[item.id] = item
  return { revision, byId, ids: orderTransferIds(byId), loaded: true }
}

/**
 * Applies one `transfers:changed` batch if and only if it is the next revision. Rows whose item did
 * not change keep their object identity, so selectors on them do not re-render.
 */
export function applyChangeBatch(state: TransferItemsState, batch: ChangeBatch): ChangeOutcome {
  if (batch.revision <= state.revision) return { kind: 'stale' }
  if (batch.revision !== state.revision + 1) return { kind: 'gap' }
  const byId: Record<string, TransferView> = { ...state.byId }
  let membershipOrOrderChanged = false
  for (const id of batch.removedIds) {
    if (id in byId) {
      delete byId[id]
      membershipOrOrderChanged = true
    }
  }
  for (const item of batch.upserts) {
    const previous = byId[item.id]
    if (!previous || previous.order !== item.order) membershipOrOrderChanged = true
    byId[item.id] = item
  }
  const ids = membershipOrOrderChanged ? orderTransferIds(byId) : state.ids
  return { kind: 'applied', state: { revision: batch.revision, byId, ids, loaded: true } }
}
