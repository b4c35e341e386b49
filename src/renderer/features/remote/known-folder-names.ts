import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import type { RemoteListing } from '../../../shared/model/remote'

/**
 * Names of remote folders met so far (in listings of the Remote files view, its tree, or as the
 * target of a drop), by id: what lets other views name a folder they only know by its id.
 */
const store = createStore<Readonly<Record<number, string>>>()(() => ({}))

/** Remembers folder names; the store changes only when one is new or renamed. */
export function rememberFolderNames(folders: readonly { id: number; name: string }[]): void {
  const current = store.getState()
  const changed = folders.filter((folder) => folder.id !== 0 && current[folder.id] !== folder.name)
  if (changed.length === 0) return
  const next = { ...current }
  for (const folder of changed) next[folder.id] = folder.name
  store.setState(next, true)
}

/** Remembers a listing's own folder and the folders in it. */
export function rememberListing(listing: RemoteListing): void {
  rememberFolderNames([{ id: listing.folderId, name: listing.name }, ...listing.folders])
}

/** The known names, by folder id (the root, 0, is never in it: views name it themselves). */
export function useKnownFolderNames(): Readonly<Record<number, string>> {
  return useStore(store)
}
