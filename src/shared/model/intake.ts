import { z } from 'zod'
import { FolderId } from './remote'

const LocalPath = z.string().min(1).max(4096)

export const LinkEntry = z.object({
  url: z.string().min(1).max(2048),
  password: z.string().max(256).optional(),
})
export type LinkEntry = z.infer<typeof LinkEntry>

/** What `transfers:add` takes: downloads from a paste or a list, uploads of local paths, or remote uploads. */
export const AddRequest = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('download'),
    /** Free text as pasted: links are found among any junk around them. */
    text: z.string().max(5_000_000).optional(),
    links: z.array(LinkEntry).max(50_000).optional(),
    /** Local folder; empty or absent means the download folder of the settings. */
    targetDir: z.string().max(4096).optional(),
    /** Password applied to every link that has none of its own. */
    password: z.string().max(256).optional(),
    /** false: queue paused. */
    start: z.boolean().default(true),
  }),
  z.object({
    kind: z.literal('upload'),
    paths: z.array(LocalPath).min(1).max(50_000),
    folderId: FolderId,
    start: z.boolean().default(true),
  }),
  z.object({
    kind: z.literal('remote-upload'),
    urls: z.array(z.url({ protocol: /^https?$/ })).min(1).max(1000),
    folderId: FolderId,
  }),
])
export type AddRequest = z.infer<typeof AddRequest>

export const RejectedLine = z.object({
  line: z.string(),
  reason: z.string(),
})
export type RejectedLine = z.infer<typeof RejectedLine>

export const AddResult = z.object({
  addedIds: z.array(z.string()),
  /** Links or paths already in the queue or repeated in the request. */
  duplicates: z.array(z.string()),
  rejected: z.array(RejectedLine),
})
export type AddResult = z.infer<typeof AddResult>

/** Which transfers an action applies to: some ids, or all of them. */
export const Selection = z.union([
  z.object({ ids: z.array(z.string().min(1)).min(1).max(50_000) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
])
export type Selection = z.infer<typeof Selection>

export const SelectionResult = z.object({
  /** Ids the action changed; the others were already in the asked state or unknown. */
  affected: z.array(z.string()),
})
export type SelectionResult = z.infer<typeof SelectionResult>
