import type { ServerFolderListing } from '../../shared/model/server-files'
import { AppError } from './lib/app-error'

/** The server's own folders, as `fichier serve` shares them with the page (its `--root` folders). */
export interface ServerFilesPort {
  /** The shared folders (null), or a folder inside one; an AppError for any path outside them. */
  list(path: string | null): Promise<ServerFolderListing>
}

/** Where the page runs on the same machine as the core (the desktop app): nothing to browse remotely. */
export const noServerFiles: ServerFilesPort = {
  list: async () => {
    throw new AppError(
      'SERVED_ONLY',
      'Files on the server can be browsed only in the interface served by `fichier serve`.',
    )
  },
}
