import type { FichierClient } from '../core/fichier/fichier-client'
import type { FileItem } from '../core/fichier/wire-schemas'
import { AppError } from '../core/lib/app-error'
import { UsageError } from './usage-error'
import { sameRemoteName } from '../../shared/names/remote-name'

export type RemoteTarget =
  | { type: 'folder'; path: string; id: number }
  | { type: 'file'; path: string; url: string; folderId: number; item: FileItem | null }

type Lister = Pick<FichierClient, 'folderList' | 'findFolderPath' | 'knownFolderPath'>

/** `/backups/db/` → `['backups', 'db']`; the root is `[]`. */
export function splitRemotePath(path: string): string[] {
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.')
  if (segments.includes('..'))
    throw new UsageError(`Remote paths are absolute; ".." is not supported (${path}).`)
  return segments
}

export function joinRemotePath(segments: readonly string[]): string {
  return `/${segments.join('/')}`
}

const isUrl = (text: string): boolean => /^https?:\/\//i.test(text)

/**
 * The id of the folder at `segments`, listing each level from the root unless another command
 * resolved it recently (the client caches, paces and shares listings). A missing folder is
 * REMOTE_NOT_FOUND.
 */
export async function resolveFolder(
  client: Lister,
  segments: readonly string[],
  signal?: AbortSignal,
): Promise<number> {
  const id = await client.findFolderPath(0, segments, signal ? { signal } : {})
  if (id === null) {
    throw new AppError('REMOTE_NOT_FOUND', `There is no folder ${joinRemotePath(segments)} on 1fichier.`)
  }
  return id
}

/** A file or folder named by its remote path, or a file given by its 1fichier link. */
export async function resolveTarget(
  client: Lister,
  path: string,
  signal?: AbortSignal,
): Promise<RemoteTarget> {
  if (isUrl(path)) return { type: 'file', path, url: path, folderId: -1, item: null }
  const segments = splitRemotePath(path)
  const name = segments.at(-1)
  if (name === undefined) return { type: 'folder', path: '/', id: 0 }
  const known = await client.knownFolderPath(0, segments)
  if (known !== null) return { type: 'folder', path: joinRemotePath(segments), id: known }
  const parentId = await resolveFolder(client, segments.slice(0, -1), signal)
  const listing = await client.folderList(parentId, { files: true, ...(signal ? { signal } : {}) })
  const folder = listing.subFolders.find((candidate) => sameRemoteName(name, candidate.name))
  const normalized = joinRemotePath(segments)
  if (folder) return { type: 'folder', path: normalized, id: folder.id }
  const file = listing.items.find((candidate) => sameRemoteName(name, candidate.name))
  if (file) return { type: 'file', path: normalized, url: file.url, folderId: parentId, item: file }
  throw new AppError('REMOTE_NOT_FOUND', `There is no file or folder ${normalized} on 1fichier.`)
}
