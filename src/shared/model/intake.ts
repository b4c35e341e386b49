import { z } from 'zod'
import { FolderId } from './remote'

const LocalPath = z.string().min(1).max(4096)

export const LinkEntry = z.object({
  url: z.string().min(1).max(2048),
  password: z.string().max(256).optional(),
  /** What a listing already says of the file (the account's own files): spares API calls, allows a check. */
  name: z.string().max(1024).optional(),
  size: z.number().int().nonnegative().optional(),
  checksum: z
    .string()
    .regex(/^[0-9a-f]{128}$/i, 'A checksum is 128 hexadecimal digits (Whirlpool)')
    .optional(),
})
export type LinkEntry = z.infer<typeof LinkEntry>

/** Attributes set on uploaded files right after they arrive (1fichier's file/chattr). */
export const UploadOptions = z
  .object({
    /** At least 6 characters, as 1fichier requires. */
    password: z.string().min(6, 'A file password needs at least 6 characters').max(256).optional(),
    description: z.string().max(2000).optional(),
    cdn: z.boolean().optional(),
    acl: z
      .object({
        ip: z.array(z.string().max(64)).max(100).optional(),
        country: z
          .array(z.string().regex(/^[A-Z]{2}$/, 'Countries are ISO codes such as FR'))
          .max(250)
          .optional(),
        email: z.array(z.email()).max(100).optional(),
        premium: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
export type UploadOptions = z.infer<typeof UploadOptions>

/**
 * Attributes changed on files already in the account: as for uploads, and an empty `password`
 * removes the password, an empty `description` clears it, empty `acl` lists lift those restrictions.
 */
export const FileOptions = UploadOptions.extend({
  password: z
    .union([
      z.literal(''),
      z.string().min(6, 'A file password needs at least 6 characters (or none, to remove it)').max(256),
    ])
    .optional(),
})
export type FileOptions = z.infer<typeof FileOptions>

/** What `transfers:add` takes: downloads from a paste or a list, uploads of local paths, or remote uploads. */
/**
 * Request headers 1fichier sends when it fetches the URLs of a remote upload (a cookie or a token for a
 * protected source). Its rules: names of letters, digits and `-`; values of letters, digits, space and tab
 * (not first or last) and `-_+=%?,'"/`.
 */
export const REMOTE_HEADER_NAME = /^[A-Za-z0-9-]{1,64}$/
export const REMOTE_HEADER_VALUE =
  /^[A-Za-z0-9\-_+=%?,'"/]([A-Za-z0-9 \t\-_+=%?,'"/]*[A-Za-z0-9\-_+=%?,'"/])?$/

export const RemoteHeaders = z
  .record(
    z.string().max(64),
    z
      .string()
      .max(1024)
      .regex(REMOTE_HEADER_VALUE, 'A header value is letters, digits, spaces inside, and -_+=%?,\'"/'),
  )
  .superRefine((headers, context) => {
    const names = Object.keys(headers)
    if (names.length > 20) context.addIssue({ code: 'custom', message: 'At most 20 headers' })
    for (const name of names) {
      if (!REMOTE_HEADER_NAME.test(name)) {
        context.addIssue({
          code: 'custom',
          path: [name],
          message: `"${name}" is not a header name 1fichier accepts (letters, digits and "-")`,
        })
      }
    }
  })
export type RemoteHeaders = z.infer<typeof RemoteHeaders>

export const AddRequest = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('download'),
    /** Free text as pasted: links are found among any junk around them. */
    text: z.string().max(5_000_000).optional(),
    links: z.array(LinkEntry).max(50_000).optional(),
    /**
     * Local folder; empty or absent means the download folder of the settings, and a relative path
     * (e.g. `Photos/Summer`) a folder inside it.
     */
    targetDir: z.string().max(4096).optional(),
    /** Password applied to every link that has none of its own. */
    password: z.string().max(256).optional(),
    /** Ask 1fichier for each file's checksum (one API call per file) and verify the download against it. */
    verify: z.boolean().default(false),
    /** false: queue paused. */
    start: z.boolean().default(true),
  }),
  z.object({
    kind: z.literal('upload'),
    paths: z.array(LocalPath).min(1).max(50_000),
    folderId: FolderId,
    options: UploadOptions.optional(),
    start: z.boolean().default(true),
  }),
  z.object({
    kind: z.literal('remote-upload'),
    urls: z
      .array(z.url({ protocol: /^https?$/ }))
      .min(1)
      .max(1000),
    folderId: FolderId,
    headers: RemoteHeaders.optional(),
  }),
])
export type AddRequest = z.infer<typeof AddRequest>
/** An add request as callers write it (defaults may be left out). */
export type AddRequestInput = z.input<typeof AddRequest>

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

/** Moves transfers in the queue: to the top or bottom, or one place up or down. */
export const ReorderRequest = z
  .object({
    ids: z.array(z.string().min(1)).min(1).max(50_000),
    to: z.enum(['top', 'bottom', 'up', 'down']),
  })
  .strict()
export type ReorderRequest = z.infer<typeof ReorderRequest>

export const SelectionResult = z.object({
  /** Ids the action changed; the others were already in the asked state or unknown. */
  affected: z.array(z.string()),
})
export type SelectionResult = z.infer<typeof SelectionResult>
