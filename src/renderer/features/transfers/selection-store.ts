import { createStore, type StoreApi } from 'zustand/vanilla'
import { EMPTY_SELECTION, type SelectionState } from './selection-model'

export type SelectionStore = StoreApi<SelectionState>

/** The list's selection, in its own store so a row re-renders only when its own checkbox changes. */
export function createSelectionStore(): SelectionStore {
  return createStore<SelectionState>()(() => EMPTY_SELECTION)
}
