import type { TransferView } from '../../shared/model/transfer'

/** Finished transfers as main keeps them (apart from the queue). */
export interface HistoryState {
  /** False until the first `history:list` answered. */
  loaded: boolean
  byId: Readonly<Record<string, TransferView>>
  /** Why the history could not be read, or null. */
  error: string | null
}

export const EMPTY_HISTORY: HistoryState = { loaded: false, byId: {}, error: null }

/** `state` with `upserts` added or replaced and `removedIds` gone; `state` itself when nothing changes. */
export function applyHistoryChange(
  state: HistoryState,
  change: { upserts: readonly TransferView[]; removedIds: readonly string[] },
): HistoryState {
  if (change.upserts.length === 0 && !change.removedIds.some((id) => id in state.byId)) return state
  const byId = { ...state.byId }
  for (const id of change.removedIds) delete byId[id]
  for (const entry of change.upserts) byId[entry.id] = entry
  return { ...state, byId }
}
