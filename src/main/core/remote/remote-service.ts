import type { RemoteListing, RemoteSelection, RemoteTarget } from '../../../shared/model/remote'
import type { FileOptions } from '../../../shared/model/intake'
import { attributesFromOptions } from '../fichier/attributes-from-options'
import { AppError } from '../lib/app-error'
import type { FichierClient } from '../fichier/fichier-client'

/** What the remote browser needs from the API client. */
export type RemoteApi = Pick<
  FichierClient,
  | 'folderList'
  | 'makeFolder'
  | 'renameFiles'
  | 'moveFiles'
  | 'moveFolder'
  | 'removeFiles'
  | 'removeFolder'
  | 'shareFolder'
  | 'changeAttributes'
>

/** The account's folders and files as the renderer shows them, through the client's listing cache. */
export class RemoteService {
  constructor(private readonly api: RemoteApi) {}

  /** One folder with its sub-folders and files; `cachedAt` is set when served from the 30 s cache. */
  async list(folderId: number, options: { refresh: boolean; signal?: AbortSignal }): Promise<RemoteListing> {
    const listing = await this.api.folderList(folderId, {
      files: true,
      refresh: options.refresh,
      ...(options.signal ? { signal: options.signal } : {}),
    })
    return {
      folderId: listing.folderId,
      name: listing.name,
      folders: listing.subFolders.map((folder) => ({
        id: folder.id,
        name: folder.name,
        createdAt: folder.createdAt,
        protected: folder.protected,
      })),
      files: listing.items.map((file) => ({
        url: file.url,
        name: file.name,
        size: file.size,
        date: file.date,
        checksum: file.checksum,
        contentType: file.contentType,
        protected: file.protected,
      })),
      cachedAt: listing.cachedAt,
    }
  }

  async createFolder(parentId: number, name: string): Promise<{ id: number; name: string }> {
    const made = await this.api.makeFolder(name, parentId)
    return { id: made.folderId, name: made.name || name }
  }

  /** Renames in place; the link of a file does not change. */
  async rename(target: RemoteTarget, name: string): Promise<{ name: string }> {
    if (target.kind === 'file') await this.api.renameFiles([{ url: target.url, filename: name }])
    else await this.api.moveFolder(target.id, { rename: name })
    return { name }
  }

  async move(selection: RemoteSelection, destinationId: number): Promise<{ moved: number }> {
    let moved = 0
    if (selection.files.length > 0) moved += (await this.api.moveFiles(selection.files, destinationId)).moved
    for (const id of selection.folders) {
      if (id === destinationId) throw new AppError('INVALID_MOVE', 'A folder cannot be moved into itself.')
      await this.api.moveFolder(id, { destinationFolderId: destinationId })
      moved++
    }
    return { moved }
  }

  /** Deletes files, and folders with everything in them (1fichier only removes empty folders). */
  async delete(selection: RemoteSelection): Promise<{ removedFiles: number; removedFolders: number }> {
    let removedFiles = 0
    let removedFolders = 0
    if (selection.files.length > 0)
      removedFiles += (await this.api.removeFiles(selection.files.map((url) => ({ url })))).removed
    const removeTree = async (folderId: number): Promise<void> => {
      const listing = await this.api.folderList(folderId, { files: true, refresh: true })
      if (listing.items.length > 0) {
        removedFiles += (await this.api.removeFiles(listing.items.map((file) => ({ url: file.url })))).removed
      }
      for (const sub of listing.subFolders) await removeTree(sub.id)
      await this.api.removeFolder(folderId)
      removedFolders++
    }
    for (const id of selection.folders) await removeTree(id)
    return { removedFiles, removedFolders }
  }

  async share(folderId: number, password?: string): Promise<{ url: string }> {
    const shared = await this.api.shareFolder(folderId, { public: true, ...(password ? { password } : {}) })
    if (!shared.url) throw new AppError('PROTOCOL', '1fichier did not return a link for the shared folder.')
    return { url: shared.url }
  }

  /** Changes the attributes of the given files; the listings that show them are refreshed next time. */
  async setOptions(files: readonly string[], options: FileOptions): Promise<{ updated: number }> {
    const attributes = attributesFromOptions(options)
    if (Object.keys(attributes).length === 0) {
      throw new AppError('NOTHING_TO_CHANGE', 'Choose at least one option to change.')
    }
    const result = await this.api.changeAttributes(files, attributes)
    return { updated: result.updated }
  }
}
