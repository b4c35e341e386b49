import type { RemoteListing } from '../../../shared/model/remote'
import type { FichierClient } from '../fichier/fichier-client'

/** What the remote browser needs from the API client. */
export type RemoteApi = Pick<FichierClient, 'folderList'>

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
}
