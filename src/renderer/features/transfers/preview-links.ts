import { parseLinks } from '../../../shared/links'
import type { ParsedFileLink, ParsedFolderLink } from '../../../shared/links/parsed-link'
import type { RejectedLine } from '../../../shared/model/intake'
import type { TransferView } from '../../../shared/model/transfer'

/** What a count of the preview counts: files, folders, duplicates, refused lines, links with a password. */
export type PreviewUnit = 'files' | 'folders' | 'duplicates' | 'rejected' | 'passwords'

export interface LinkPreview {
  /** Everything recognised or refused, 0 for text without any link. */
  total: number
  /** What the hint under the text area says: nothing yet, nothing new, or what will be added. */
  summary: 'none' | 'nothingNew' | 'toAdd'
  files: number
  folders: number
  /** The non-zero counts, in the order shown. */
  counts: { unit: PreviewUnit; count: number; tone: 'ok' | 'muted' | 'error' }[]
  rejected: RejectedLine[]
  /** The new file and folder links, in the order found (with their own passwords). */
  fileLinks: ParsedFileLink[]
  folderLinks: ParsedFolderLink[]
  /** Links repeated in the text or already in the queue. */
  duplicates: string[]
}

const NOTHING: LinkPreview = {
  total: 0,
  summary: 'none',
  files: 0,
  folders: 0,
  counts: [],
  rejected: [],
  fileLinks: [],
  folderLinks: [],
  duplicates: [],
}

/**
 * What `transfers:add` will make of a paste, before it is sent: files, folders (expanded by the
 * app), duplicates (repeated in the text or already in the queue), lines that are not links, and
 * how many links carry their own password (`<link> password: xyz`).
 */
export function previewLinks(text: string, queued: readonly TransferView[]): LinkPreview {
  if (text.trim() === '') return NOTHING
  const known = queued.filter((item) => item.kind === 'download').map((item) => item.source)
  const parsed = parseLinks(text, { known })
  const withPassword = [...parsed.files, ...parsed.folders].filter((link) => link.password !== undefined)
  const counts = [
    { unit: 'files' as const, count: parsed.files.length, tone: 'ok' as const },
    { unit: 'folders' as const, count: parsed.folders.length, tone: 'ok' as const },
    { unit: 'duplicates' as const, count: parsed.duplicates.length, tone: 'muted' as const },
    { unit: 'rejected' as const, count: parsed.rejected.length, tone: 'error' as const },
  ]
  const total = counts.reduce((sum, { count }) => sum + count, 0)
  const adding = parsed.files.length + parsed.folders.length
  return {
    total,
    summary: total === 0 ? 'none' : adding === 0 ? 'nothingNew' : 'toAdd',
    files: parsed.files.length,
    folders: parsed.folders.length,
    counts: [
      ...counts.filter(({ count }) => count > 0),
      ...(withPassword.length > 0
        ? [{ unit: 'passwords' as const, count: withPassword.length, tone: 'muted' as const }]
        : []),
    ],
    rejected: parsed.rejected,
    fileLinks: parsed.files,
    folderLinks: parsed.folders,
    duplicates: parsed.duplicates,
  }
}
