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

/** A name 1fichier accepts for a file or folder: 1–250 characters, no control characters or slashes. */
export const RemoteName = z
  .string()
  .trim()
  .min(1, 'A name cannot be empty')
  .max(250, 'A name has at most 250 characters')
  .refine(
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    (name) => !/[\u0000-\u001f\u007f/\\]/.test(name),
    'A name cannot hold slashes or control characters',
  )

export const RemoteTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), url: z.string().min(1).max(2048) }),
  z.object({ kind: z.literal('folder'), id: FolderId.min(1, 'The root folder cannot be changed') }),
])
export type RemoteTarget = z.infer<typeof RemoteTarget>

/** Files (by link) and folders (by id) to act on together. */
export const RemoteSelection = z
  .object({
    files: z.array(z.string().min(1).max(2048)).max(5000).default([]),
    folders: z.array(FolderId.min(1, 'The root folder cannot be changed')).max(1000).default([]),
  })
  .refine((s) => s.files.length + s.folders.length > 0, 'Select at least one file or folder')
export type RemoteSelection = z.infer<typeof RemoteSelection>
