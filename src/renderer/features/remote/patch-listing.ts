import type { RemoteListing } from '../../../shared/model/remote'

/** A change the view just made, to show at once while 1fichier's own listing is on its way. */
export type ListingChange =
  | { kind: 'created'; id: number; name: string }
  | { kind: 'renamed'; target: { kind: 'file'; url: string } | { kind: 'folder'; id: number }; name: string }
  | { kind: 'removed'; files: readonly string[]; folders: readonly number[] }
  | { kind: 'protected'; files: readonly string[]; protected: boolean }

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name)

/**
 * The listing with a change applied. 1fichier allows one listing of a folder every 30 s, so the
 * listing asked for after a change can take that long: the view shows this meanwhile, and the real
 * listing replaces it when it comes.
 */
export function patchListing(listing: RemoteListing, change: ListingChange): RemoteListing {
  switch (change.kind) {
    case 'created':
      if (listing.folders.some((folder) => folder.id === change.id)) return listing
      return {
        ...listing,
        folders: [
          ...listing.folders,
          { id: change.id, name: change.name, createdAt: null, protected: false },
        ].sort(byName),
      }
    case 'renamed': {
      const { target } = change
      return target.kind === 'folder'
        ? {
            ...listing,
            folders: listing.folders.map((f) => (f.id === target.id ? { ...f, name: change.name } : f)),
          }
        : {
            ...listing,
            files: listing.files.map((f) => (f.url === target.url ? { ...f, name: change.name } : f)),
          }
    }
    case 'removed': {
      const files = new Set(change.files)
      const folders = new Set(change.folders)
      return {
        ...listing,
        folders: listing.folders.filter((folder) => !folders.has(folder.id)),
        files: listing.files.filter((file) => !files.has(file.url)),
      }
    }
    case 'protected': {
      const files = new Set(change.files)
      return {
        ...listing,
        files: listing.files.map((file) =>
          files.has(file.url) ? { ...file, protected: change.protected } : file,
        ),
      }
    }
  }
}
