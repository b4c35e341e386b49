import type { RemoteFile, RemoteFolder, RemoteListing, RemoteSelection } from '../../../shared/model/remote'

/** A row of the file table: `folder:<id>` or `file:<url>`. */
export type RowKey = `folder:${number}` | `file:${string}`

export const folderKey = (id: number): RowKey => `folder:${id}`
export const fileKey = (url: string): RowKey => `file:${url}`

/** What is selected in one listing, resolved to its rows (keys of rows no longer listed are dropped). */
export interface PickedRows {
  folders: RemoteFolder[]
  files: RemoteFile[]
}

/**
 * The rows checked in the file table. Keys survive a refresh: rows still listed stay selected,
 * the others are forgotten when the selection is resolved against the new listing.
 */
export const RemoteRowSelection = {
  toggle(selected: ReadonlySet<RowKey>, key: RowKey): Set<RowKey> {
    const next = new Set(selected)
    if (next.has(key)) next.delete(key)
    else next.add(key)
    return next
  },

  /** Every row of the listing when not all are selected yet, else none. */
  toggleAll(selected: ReadonlySet<RowKey>, listing: RemoteListing): Set<RowKey> {
    return RemoteRowSelection.state(selected, listing) === 'all'
      ? new Set()
      : new Set(RemoteRowSelection.keys(listing))
  },

  keys(listing: RemoteListing): RowKey[] {
    return [...listing.folders.map((f) => folderKey(f.id)), ...listing.files.map((f) => fileKey(f.url))]
  },

  /** For the "select all" checkbox: checked, mixed or unchecked. */
  state(selected: ReadonlySet<RowKey>, listing: RemoteListing): 'none' | 'some' | 'all' {
    const keys = RemoteRowSelection.keys(listing)
    const count = keys.filter((key) => selected.has(key)).length
    if (count === 0) return 'none'
    return count === keys.length ? 'all' : 'some'
  },

  pick(selected: ReadonlySet<RowKey>, listing: RemoteListing): PickedRows {
    return {
      folders: listing.folders.filter((folder) => selected.has(folderKey(folder.id))),
      files: listing.files.filter((file) => selected.has(fileKey(file.url))),
    }
  },

  /** The contract's selection for move and delete. */
  toRemote(picked: PickedRows): RemoteSelection {
    return { files: picked.files.map((file) => file.url), folders: picked.folders.map((folder) => folder.id) }
  },
}
