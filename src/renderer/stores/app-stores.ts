import { createStore, type StoreApi } from 'zustand/vanilla'
import { EMPTY_APP_STATUS, type AppStatusState } from './app-status-state'
import { EMPTY_HISTORY, type HistoryState } from './history-state'
import { createSpeedHistory, type SpeedHistory } from './speed-history'
import { EMPTY_TRANSFER_ITEMS, type TransferItemsState } from './transfer-items-state'
import { EMPTY_TRANSFER_PROGRESS, type TransferProgressState } from './transfer-progress-state'

/** The renderer's state, in stores split by how often they change. */
export interface AppStores {
  items: StoreApi<TransferItemsState>
  progress: StoreApi<TransferProgressState>
  status: StoreApi<AppStatusState>
  /** Total speeds of the last minutes, one sample per second (the status bar's graph). */
  speed: StoreApi<SpeedHistory>
  /** Finished transfers, kept apart from the queue. */
  history: StoreApi<HistoryState>
}

export function createAppStores(): AppStores {
  return {
    items: createStore<TransferItemsState>()(() => EMPTY_TRANSFER_ITEMS),
    progress: createStore<TransferProgressState>()(() => EMPTY_TRANSFER_PROGRESS),
    status: createStore<AppStatusState>()(() => EMPTY_APP_STATUS),
    speed: createStore<SpeedHistory>()(() => createSpeedHistory()),
    history: createStore<HistoryState>()(() => EMPTY_HISTORY),
  }
}
