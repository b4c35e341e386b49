import type { StoreApi } from 'zustand/vanilla'
import type { EventPayload } from '../../shared/contract'
import type { IpcClient } from '../lib/ipc-client'
import { applyHistoryChange, type HistoryState } from './history-state'

type HistoryChange = EventPayload<'history:changed'>

/**
 * Feeds the history store: subscribes to `history:changed`, then takes a `history:list` snapshot; changes that
 * arrive meanwhile are replayed on top of it (they carry whole entries, so replaying one twice changes nothing).
 * Returns the disposer.
 */
export function connectHistory(client: IpcClient, store: StoreApi<HistoryState>): () => void {
  let disposed = false
  let buffered: HistoryChange[] | null = []
  const unsubscribe = client.subscribe('history:changed', (change) => {
    if (buffered) buffered.push(change)
    else store.setState(applyHistoryChange(store.getState(), change), true)
  })
  client.call('history:list', {}).then(
    ({ items }) => {
      if (disposed) return
      let state: HistoryState = {
        loaded: true,
        byId: Object.fromEntries(items.map((item) => [item.id, item])),
        error: null,
      }
      for (const change of buffered ?? []) state = applyHistoryChange(state, change)
      buffered = null
      store.setState(state, true)
    },
    (error: unknown) => {
      buffered = null
      if (!disposed)
        store.setState({ loaded: true, error: error instanceof Error ? error.message : String(error) })
    },
  )
  return () => {
    disposed = true
    unsubscribe()
  }
}
