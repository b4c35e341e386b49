import type { FolderListing, MakeFolderResult } from './wire-schemas'

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

  constructor(private readonly api: FolderPathApi) {}

  async ensure(parentId: number, segments: readonly string[], signal?: AbortSignal): Promise<number> {
    let current = parentId
    let createdParent = false
    for (const name of segments) {
      const memo = `${current}/${name}`
      const known = this.#known.get(memo)
      if (known !== undefined) {
        current = known
        continue
      }
      // Under a folder created just now nothing exists yet: no need to list it.
      const existing = createdParent
        ? undefined
        : (await this.api.folderList(current, signal ? { signal } : {})).subFolders.find(
            (folder) => folder.name === name,
          )
      if (existing) {
        current = existing.id
        createdParent = false
      } else {
        current = (await this.api.makeFolder(name, current, signal ? { signal } : {})).folderId
        createdParent = true
      }
      this.#known.set(memo, current)
    }
    return current
  }

  /** Forgets every folder (after a folder was moved, renamed or removed). */
  forget(): void {
    this.#known.clear()
  }
}
