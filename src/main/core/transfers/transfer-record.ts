import { z } from 'zod'
import { UploadOptions } from '../../../shared/model/intake'
import { TransferView } from '../../../shared/model/transfer'

/** What the engine keeps beside the view to run (or resume) a transfer. */
export const TransferMeta = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('download'),
    dir: z.string(),
    password: z.string().optional(),
    knownName: z.string().optional(),
    checksum: z.string().optional(),
    /** Ask 1fichier for the checksum before downloading (costs one API call). */
    verify: z.boolean().optional(),
    partPath: z.string().optional(),
    /** Where the finished file landed. */
    finalPath: z.string().optional(),
  }),
  z.object({
    kind: z.literal('upload'),
    path: z.string(),
    folderId: z.number().int().min(0),
    /** Folders to create (or reuse) under `folderId`, for files of a dropped folder. */
    relDir: z.array(z.string()),
    size: z.number().int().nonnegative(),
    /** Attributes to set on the file once uploaded. */
    options: UploadOptions.optional(),
    /** The node and report id of a POST under way: after a crash the result is collected, not sent again. */
    node: z.string().optional(),
    xid: z.string().optional(),
  }),
  z.object({
    kind: z.literal('remote-upload'),
    url: z.string(),
    folderId: z.number().int().min(0),
    /** Sent by 1fichier with its request for the URL. */
    headers: z.record(z.string(), z.string()).optional(),
    jobId: z.number().int().optional(),
  }),
])
export type TransferMeta = z.infer<typeof TransferMeta>

export const TransferRecord = TransferView.extend({ meta: TransferMeta })
export type TransferRecord = z.infer<typeof TransferRecord>

/** The part of a record the renderer sees. */
export function toView(record: TransferRecord): TransferView {
  const { meta: _meta, ...view } = record
  return view
}

/** A change a job or the engine makes to a record; `meta` keys set to undefined are cleared. */
export type RecordPatch = Partial<Omit<TransferRecord, 'meta' | 'id' | 'kind'>> & {
  meta?: Record<string, unknown>
}

export function applyPatch(record: TransferRecord, patch: RecordPatch): TransferRecord {
  const meta = TransferMeta.parse({ ...record.meta, ...patch.meta, kind: record.meta.kind })
  return { ...record, ...patch, meta }
}
