import type { EventPayload } from '../../shared/contract'
import type { TransferProgress } from '../../shared/model/transfer'
import type { TransferProgressState } from './transfer-progress-state'

export type ProgressTick = EventPayload<'transfers:progress'>

function sameProgress(a: TransferProgress, b: TransferProgress): boolean {
  return a.bytes === b.bytes && a.total === b.total && a.speed === b.speed && a.eta === b.eta
}

/**
 * A tick lists every active transfer: entries absent from it are no longer moving and are dropped.
 * An entry whose numbers did not change keeps its identity, so its row does not re-render.
 * Ticks older than the last one applied are ignored.
 */
export function applyProgressTick(state: TransferProgressState, tick: ProgressTick): TransferProgressState {
  if (tick.at < state.at) return state
  const byId: Record<string, TransferProgress> = {}
  for (const entry of tick.items) {
    const previous = state.byId[entry.id]
    byId[entry.id] = previous && sameProgress(previous, entry) ? previous : entry
  }
  return { byId, totals: tick.totals, at: tick.at }
}
