import type { ServiceEndpoint } from '../../core/ipc/handlers'
import type { ServerFilesPort } from '../../core/server-files-port'
import type { UploadSourcesPort } from '../../core/transfers/intake/upload-sources-port'
import { openServerRoots, uploadSourcesWithin } from '../roots/index'
import { createStaging, DEFAULT_STAGING_MAX_BYTES, type Staging } from './index'
import { releaseStagedUploads } from './release-staged-uploads'

/** What `fichier serve` needs for the local files of its page: files from the browser, and from `--root`. */
export interface ServedFiles {
  /** `PUT /staging/<name>`: a route behind the session. */
  staging: Staging
  /** For the core (`openCliCore({ served })` or `createCore`): the picker's folders and the upload rule. */
  core: { serverFiles: ServerFilesPort; uploadSources: UploadSourcesPort }
  /**
   * Releases staged files as their uploads end (and clears unclaimed ones): call once the core is up and before
   * the server listens; returns the unsubscribe function.
   */
  follow(endpoint: ServiceEndpoint): Promise<() => void>
}

/**
 * Opens the `--root` folders (each must exist: ROOT_INVALID otherwise) and the staging folder of `stateDir`.
 * The page may list the roots, and upload files inside the roots or the staging folder, nothing else.
 */
export async function openServedFiles(options: {
  stateDir: string
  roots: readonly string[]
  /** The largest file the page may send (default 50 GiB). */
  maxBytes?: number
  log: (message: string) => void
}): Promise<ServedFiles> {
  const roots = await openServerRoots(options.roots)
  const staging = await createStaging({
    stateDir: options.stateDir,
    maxBytes: options.maxBytes ?? DEFAULT_STAGING_MAX_BYTES,
    log: options.log,
  })
  const readable = await openServerRoots([...options.roots, staging.dir])
  return {
    staging,
    core: { serverFiles: roots, uploadSources: uploadSourcesWithin(readable) },
    follow: (endpoint) => releaseStagedUploads(endpoint, staging, options.log),
  }
}
