import type { FolderListing, MakeFolderResult } from './wire-schemas'
import { sameRemoteName } from '../../../shared/names/remote-name'

export interface FolderPathApi {
  folderList(folderId: number, options: { signal?: AbortSignal }): Promise<FolderListing>
  makeFolder(name: string, parentId: number, options: { signal?: AbortSignal }): Promise<MakeFolderResult>
}

/**
 * Resolves `parent/a/b/c` to a folder id, creating what is missing. Folders it created or found are
 * remembered, so a folder upload does not list the same parent again (1fichier allows one listing
 * per folder per 30 s, and every mkdir drops the listing cache).
 */
export class FolderPathResolver {
  readonly #known = new Map<string, number>()
  /** Folders this client created: what is in them, it made itself, so they need no listing. */
  readonly #created = new Set<number>()

  constructor(private readonly api: FolderPathApi) {}

  async ensure(parentId: number, segments: readonly string[], signal?: AbortSignal): Promise<number> {
    let current = parentId
    for (const name of segments) {
      const memo = `${current}/${name}`
      const known = this.#known.get(memo)
      if (known !== undefined) {
        current = known
        continue
      }
      // Under a folder created here, nothing exists that this client does not know of: no need to list it.
      const existing = this.#created.has(current)
        ? undefined
        : (await this.api.folderList(current, signal ? { signal } : {})).subFolders.find((folder) =>
            sameRemoteName(name, folder.name),
          )
      if (existing) {
        current = existing.id
      } else {
        current = (await this.api.makeFolder(name, current, signal ? { signal } : {})).folderId
        this.#created.add(current)
      }
      this.#known.set(memo, current)
    }
    return current
  }

  /** Forgets every folder (after a folder was moved, renamed or removed). */
  forget(): void {
    this.#known.clear()
    this.#created.clear()
  }
}
