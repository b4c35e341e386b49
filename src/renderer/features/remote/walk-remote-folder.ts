import type { RemoteFile, RemoteListing } from '../../../shared/model/remote'

/** One folder met on the walk: its path from the folder walked (that folder's own name first) and its files. */
export interface WalkedFolder {
  path: string[]
  files: RemoteFile[]
}

/**
 * Lists a remote folder and everything under it, one listing at a time (1fichier paces listings per
 * folder, so they are never fired in parallel). `onListed` reports how many folders were listed so far.
 */
export async function walkRemoteFolder(
  list: (folderId: number) => Promise<RemoteListing>,
  root: { id: number; name: string },
  onListed?: (count: number) => void,
): Promise<WalkedFolder[]> {
  const found: WalkedFolder[] = []
  const seen = new Set<number>()
  const visit = async (id: number, path: string[]): Promise<void> => {
    if (seen.has(id)) return
    seen.add(id)
    const listing = await list(id)
    found.push({ path, files: listing.files })
    onListed?.(found.length)
    for (const child of listing.folders) await visit(child.id, [...path, child.name])
  }
  await visit(root.id, [root.name])
  return found
}
