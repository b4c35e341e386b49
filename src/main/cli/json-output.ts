import { z } from 'zod'
import { AccountInfo } from '../../shared/model/account'
import { RejectedLine } from '../../shared/model/intake'
import { TransferError, TransferKind, TransferStatus } from '../../shared/model/transfer'
import { ItemStatus } from './item-status'

/**
 * The one JSON document each command prints with `--json`, keyed by `command`. Scripts (and the
 * tests) validate against these schemas; a failed command prints `CliErrorOutput` instead.
 */

export const CliErrorOutput = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
  exitCode: z.number().int(),
})
export type CliErrorOutput = z.infer<typeof CliErrorOutput>

export const UploadItemOutput = z.object({
  path: z.string(),
  name: z.string(),
  /** The sub-folder of the target folder the file went to (`site/css`), '' for the target itself. */
  folder: z.string(),
  /** `skipped`: already in the target folder (--skip-existing, or sent by an earlier run of the command). */
  status: ItemStatus,
  size: z.number().nonnegative().nullable(),
  link: z.string().optional(),
  removeLink: z.string().optional(),
  checksum: z.string().optional(),
  /** The name on 1fichier, when it differs from `name` (characters 1fichier refuses were replaced). */
  remoteName: z.string().optional(),
  /** Why the item was skipped, or another remark on how it ended. */
  note: z.string().optional(),
  error: TransferError.optional(),
})
export type UploadItemOutput = z.infer<typeof UploadItemOutput>

export const UploadOutput = z.object({
  command: z.literal('upload'),
  /** The target folder: the `--to` path, or null when given by `--folder-id` (or the root by default). */
  to: z.string().nullable(),
  folderId: z.number().int().nonnegative(),
  items: z.array(UploadItemOutput),
  rejected: z.array(RejectedLine),
  failed: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
})
export type UploadOutput = z.infer<typeof UploadOutput>

export const DownloadItemOutput = z.object({
  link: z.string(),
  name: z.string(),
  /** Where the finished file is. */
  path: z.string().optional(),
  /** `skipped`: a file of that name was already in the folder (--conflict skip); nothing was fetched. */
  status: ItemStatus,
  size: z.number().nonnegative().nullable(),
  /** Whirlpool checksum the file was verified against, when 1fichier gave one. */
  checksum: z.string().optional(),
  /** Why the item was skipped, or another remark on how it ended. */
  note: z.string().optional(),
  error: TransferError.optional(),
})
export type DownloadItemOutput = z.infer<typeof DownloadItemOutput>

export const DownloadOutput = z.object({
  command: z.literal('download'),
  dir: z.string(),
  items: z.array(DownloadItemOutput),
  rejected: z.array(RejectedLine),
  failed: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
})
export type DownloadOutput = z.infer<typeof DownloadOutput>

export const RemoteEntry = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('folder'),
    path: z.string(),
    name: z.string(),
    id: z.number().int().nonnegative(),
  }),
  z.object({
    type: z.literal('file'),
    path: z.string(),
    name: z.string(),
    url: z.string(),
    size: z.number().nonnegative(),
    date: z.string(),
    checksum: z.string().nullable(),
  }),
])
export type RemoteEntry = z.infer<typeof RemoteEntry>

export const LsOutput = z.object({
  command: z.literal('ls'),
  path: z.string(),
  folderId: z.number().int().nonnegative(),
  entries: z.array(RemoteEntry),
})
export type LsOutput = z.infer<typeof LsOutput>

export const MkdirOutput = z.object({
  command: z.literal('mkdir'),
  path: z.string(),
  folderId: z.number().int().nonnegative(),
  /** The path on 1fichier, when it differs from `path` (characters 1fichier refuses were replaced). */
  remotePath: z.string().optional(),
})
export type MkdirOutput = z.infer<typeof MkdirOutput>

const RemoteTarget = z.object({ path: z.string(), type: z.enum(['file', 'folder']) })

const ItemFailure = z.object({ path: z.string(), error: TransferError })

export const MvOutput = z.object({
  command: z.literal('mv'),
  destination: z.string(),
  destinationId: z.number().int().nonnegative(),
  moved: z.array(RemoteTarget),
  failed: z.array(ItemFailure),
})
export type MvOutput = z.infer<typeof MvOutput>

export const RmOutput = z.object({
  command: z.literal('rm'),
  removed: z.array(RemoteTarget),
  failed: z.array(ItemFailure),
})
export type RmOutput = z.infer<typeof RmOutput>

export const RenameOutput = z.object({
  command: z.literal('rename'),
  path: z.string(),
  type: z.enum(['file', 'folder']),
  newName: z.string(),
  /** The name on 1fichier, when it differs from `newName` (characters 1fichier refuses were replaced). */
  remoteName: z.string().optional(),
})
export type RenameOutput = z.infer<typeof RenameOutput>

export const LinkOutput = z.object({
  command: z.literal('link'),
  path: z.string(),
  type: z.enum(['file', 'folder']),
  url: z.string(),
})
export type LinkOutput = z.infer<typeof LinkOutput>

export const RemoteUploadOutput = z.object({
  command: z.literal('remote-upload'),
  folderId: z.number().int().nonnegative(),
  items: z.array(
    z.object({
      url: z.string(),
      status: TransferStatus,
      link: z.string().optional(),
      error: TransferError.optional(),
    }),
  ),
  duplicates: z.array(z.string()),
  failed: z.number().int().nonnegative(),
})
export type RemoteUploadOutput = z.infer<typeof RemoteUploadOutput>

export const AccountOutput = z.object({
  command: z.literal('account'),
  account: AccountInfo.nullable(),
  /** When the account was read from 1fichier (epoch ms); 1fichier allows one read per 5 minutes. */
  checkedAt: z.number().nullable(),
})
export type AccountOutput = z.infer<typeof AccountOutput>

export const HistoryOutput = z.object({
  command: z.literal('history'),
  /** Newest first. */
  items: z.array(
    z.object({
      id: z.string(),
      kind: TransferKind,
      name: z.string(),
      /** Bytes, or null when never known. */
      size: z.number().nullable(),
      /** Epoch ms. */
      finishedAt: z.number().nullable(),
      /** The public 1fichier link (the download's source, or the upload's result). */
      link: z.string().nullable(),
      removeLink: z.string().nullable(),
      /** The Whirlpool checksum the file was verified against, when one was known. */
      checksum: z.string().nullable(),
      /** Download: the local folder. Upload: the remote folder id. Remote upload: the fetched URL. */
      place: z.string(),
    }),
  ),
})
export type HistoryOutput = z.infer<typeof HistoryOutput>

/** Any document the command line prints with `--json`. */
export const CliJsonOutput = z.union([
  UploadOutput,
  DownloadOutput,
  LsOutput,
  MkdirOutput,
  MvOutput,
  RmOutput,
  RenameOutput,
  LinkOutput,
  RemoteUploadOutput,
  AccountOutput,
  HistoryOutput,
  CliErrorOutput,
])
export type CliJsonOutput = z.infer<typeof CliJsonOutput>
