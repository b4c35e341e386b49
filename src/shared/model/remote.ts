import { z } from 'zod'

export const FolderId = z.number().int().min(0)

export const RemoteFolder = z.object({
  id: FolderId,
  name: z.string(),
  createdAt: z.string().nullable(),
  protected: z.boolean(),
})
export type RemoteFolder = z.infer<typeof RemoteFolder>

export const RemoteFile = z.object({
  url: z.string(),
  name: z.string(),
  size: z.number().nonnegative(),
  date: z.string(),
  checksum: z.string().nullable(),
  contentType: z.string().nullable(),
  protected: z.boolean(),
})
export type RemoteFile = z.infer<typeof RemoteFile>

export const RemoteListing = z.object({
  folderId: FolderId,
  name: z.string(),
  folders: z.array(RemoteFolder),
  files: z.array(RemoteFile),
  /** Set when the listing came from the cache (1fichier allows one listing per folder per 30 s). */
  cachedAt: z.number().nullable(),
})
export type RemoteListing = z.infer<typeof RemoteListing>
