import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { AppStores } from './app-stores'
import type { AppStatusState } from './app-status-state'
import type { HistoryState } from './history-state'
import type { TransferItemsState } from './transfer-items-state'
import type { TransferProgressState } from './transfer-progress-state'

const StoresContext = createContext<AppStores | null>(null)

export function StoresProvider({ stores, children }: { stores: AppStores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>
}

/** The stores themselves, for views that write what a command answered. */
export function useStores(): AppStores {
  const stores = useContext(StoresContext)
  if (!stores) throw new Error('StoresProvider is missing above this component')
  return stores
}

/** Select narrowly: the component re-renders only when the selected value changes (by `Object.is`). */
export function useItems<T>(selector: (state: TransferItemsState) => T): T {
  return useStore(useStores().items, selector)
}

export function useProgress<T>(selector: (state: TransferProgressState) => T): T {
  return useStore(useStores().progress, selector)
}

export function useStatus<T>(selector: (state: AppStatusState) => T): T {
  return useStore(useStores().status, selector)
}

export function useHistory<T>(selector: (state: HistoryState) => T): T {
  return useStore(useStores().history, selector)
}
