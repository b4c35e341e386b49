import type { ServerFolderListing } from '../../../shared/model/server-files'
import type { UploadSourcesPort } from '../../core/transfers/intake/upload-sources-port'
import { listServedFolder } from './list-served-folder'
import { resolveServedPath } from './resolve-served-path'
import { openServedFolder } from './served-folder'

/**
 * The folders `fichier serve --root DIR…` shares with the page: what the server-side file picker lists, and
 * the only places (with the staging folder) a page may upload from. No path leaves them: not with `..`, not as
 * another absolute path, not through a symbolic link (each path's real location is checked).
 */
export interface ServerRoots {
  /** The roots themselves (null), or a folder inside one. */
  list(path: string | null): Promise<ServerFolderListing>
  /** The real path of a file or folder inside the roots; an AppError (SERVER_PATH_…) otherwise. */
  resolve(path: string): Promise<string>
}

/** Checks each folder (it must exist and be a folder: ROOT_INVALID otherwise) and shares them. */
export async function openServerRoots(dirs: readonly string[]): Promise<ServerRoots> {
  const folders = await Promise.all(dirs.map((dir) => openServedFolder(dir)))
  return {
    list: (path) => listServedFolder(path, folders),
    resolve: (path) => resolveServedPath(path, folders),
  }
}

/**
 * What the served page may upload: files inside `roots` only. `fichier serve` gives the core the roots
 * together with the staging folder, where files dropped on the page are streamed.
 */
export function uploadSourcesWithin(roots: ServerRoots): UploadSourcesPort {
  return {
    admit: async (path) => {
      await roots.resolve(path)
    },
  }
}
