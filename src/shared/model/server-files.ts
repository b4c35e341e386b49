import { z } from 'zod'

/** A path on the machine that runs `fichier serve`, as the server lists it (absolute). */
export const ServerPath = z.string().min(1).max(4096)

/** `other`: a special file, or a link to nothing or to somewhere outside the served folders (not usable). */
export const ServerEntryKind = z.enum(['folder', 'file', 'other'])
export type ServerEntryKind = z.infer<typeof ServerEntryKind>

export const ServerEntry = z.object({
  name: z.string(),
  path: ServerPath,
  kind: ServerEntryKind,
  /** Bytes, for files. */
  size: z.number().int().nonnegative().nullable(),
  /** Last modification (epoch ms). */
  modifiedAt: z.number().nullable(),
})
export type ServerEntry = z.infer<typeof ServerEntry>

/** A folder of the server inside its `--root` folders, or (path null) the root folders themselves. */
export const ServerFolderListing = z.object({
  /** The folders the server lets the page upload from (`--root`). */
  roots: z.array(ServerPath),
  /** The folder listed; null for the list of roots. */
  path: ServerPath.nullable(),
  /** The folder above, when it is still inside a root; null at a root or for the list of roots. */
  parent: ServerPath.nullable(),
  /** Folders first, then by name. */
  entries: z.array(ServerEntry),
  /** More entries exist than a listing carries; they are left out. */
  truncated: z.boolean(),
})
export type ServerFolderListing = z.infer<typeof ServerFolderListing>
