import type { Clock } from '../lib/clock'
import type { BudgetStore } from './budget-store'
import type { FolderListing, MakeFolderResult } from './wire-schemas'
import { sameRemoteName, toRemoteName } from '../../../shared/names/remote-name'

export interface FolderPathApi {
  folderList(folderId: number, options: { files: boolean; signal?: AbortSignal }): Promise<FolderListing>
  makeFolder(name: string, parentId: number, options: { signal?: AbortSignal }): Promise<MakeFolderResult>
}

/**
 * Resolves `parent/a/b/c` to a folder id, creating what is missing (or only finding it). Folders
 * found or created are remembered in the key's shared budget, so that neither this process nor the
 * next command lists the same parent again (1fichier allows one listing per folder per 30 s).
 */
export class FolderPathResolver {
  /** Folders this client created: what is in them, it made itself, so they need no listing. */
  readonly #created = new Set<number>()

  constructor(
    private readonly api: FolderPathApi,
    private readonly clock: Clock,
    private readonly budget: () => Promise<BudgetStore>,
  ) {}

  /** The id of `segments` under `parentId`, creating missing folders. */
  async ensure(parentId: number, segments: readonly string[], signal?: AbortSignal): Promise<number> {
    return (await this.#walk(parentId, segments, true, signal)) as number
  }

  /** The id of `segments` under `parentId`, or null when one of them does not exist. */
  find(parentId: number, segments: readonly string[], signal?: AbortSignal): Promise<number | null> {
    return this.#walk(parentId, segments, false, signal)
  }

  /** The id of `segments` under `parentId` if it is remembered (no call is made), else null. */
  async known(parentId: number, segments: readonly string[]): Promise<number | null> {
    const { folders } = await (await this.budget()).read()
    let current = parentId
    for (const name of segments) {
      const known = remembered(folders, current, name)
      if (!known) return null
      current = known.id
    }
    return current
  }

  /** Forgets every folder (after a folder was moved, renamed or removed). */
  async forget(): Promise<void> {
    this.#created.clear()
    await (
      await this.budget()
    ).update((state) => {
      state.folders = {}
    })
  }

  async #walk(
    parentId: number,
    segments: readonly string[],
    create: boolean,
    signal?: AbortSignal,
  ): Promise<number | null> {
    const store = await this.budget()
    const { folders } = await store.read()
    let current = parentId
    for (const name of segments) {
      const memo = `${current}/${name}`
      const known = remembered(folders, current, name)
      if (known) {
        current = known.id
        continue
      }
      // Under a folder created here, nothing exists that this client does not know of: no need to list it.
      let existing: { id: number; name: string } | undefined
      if (!this.#created.has(current)) {
        // With its files: the listing callers that look for a file in the folder ask for.
        const listing = await this.api.folderList(current, { files: true, ...(signal ? { signal } : {}) })
        existing = listing.subFolders.find((folder) => sameRemoteName(name, folder.name))
        // Every sibling is remembered too: `ls /a`, `ls /b` in a row list the root once.
        const parent = current
        await store.update((state) => {
          for (const folder of listing.subFolders) {
            // The first of two folders with one name is the one paths lead to.
            if (listing.subFolders.find((f) => f.name === folder.name) === folder)
              state.folders[`${parent}/${folder.name}`] = { id: folder.id, at: this.clock.now() }
          }
        })
      }
      if (existing) {
        current = existing.id
      } else if (create) {
        current = (await this.api.makeFolder(name, current, signal ? { signal } : {})).folderId
        this.#created.add(current)
      } else {
        return null
      }
      const id = current
      await store.update((state) => {
        state.folders[memo] = { id, at: this.clock.now() }
      })
    }
    return current
  }
}

/** A remembered folder under `parentId`, by its name as given or as 1fichier stores it. */
function remembered(
  folders: Record<string, { id: number; at: number }>,
  parentId: number,
  name: string,
): { id: number } | undefined {
  return folders[`${parentId}/${name}`] ?? folders[`${parentId}/${toRemoteName(name)}`]
}
