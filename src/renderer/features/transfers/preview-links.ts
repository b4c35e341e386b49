import { parseLinks } from '../../../shared/links'
import type { RejectedLine } from '../../../shared/model/intake'
import type { TransferView } from '../../../shared/model/transfer'

export interface LinkPreview {
  /** Everything recognised or refused, 0 for text without any link. */
  total: number
  /** One line for the hint under the text area. */
  summary: string
  /** The non-zero counts, e.g. `{ count: 40, label: 'files' }`. */
  counts: { label: string; count: number; tone: 'ok' | 'muted' | 'error' }[]
  rejected: RejectedLine[]
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`

/**
 * What `transfers:add` will make of a paste, before it is sent: files, folders (expanded by the
 * app), duplicates (repeated in the text or already in the queue) and lines that are not links.
 */
export function previewLinks(text: string, queued: readonly TransferView[]): LinkPreview {
  if (text.trim() === '') return { total: 0, summary: 'No link recognised yet.', counts: [], rejected: [] }
  const known = queued.filter((item) => item.kind === 'download').map((item) => item.source)
  const parsed = parseLinks(text, { known })
  const counts = [
    { label: parsed.files.length === 1 ? 'file' : 'files', count: parsed.files.length, tone: 'ok' as const },
    {
      label: parsed.folders.length === 1 ? 'folder' : 'folders',
      count: parsed.folders.length,
      tone: 'ok' as const,
    },
    {
      label: parsed.duplicates.length === 1 ? 'duplicate' : 'duplicates',
      count: parsed.duplicates.length,
      tone: 'muted' as const,
    },
    { label: 'not recognised', count: parsed.rejected.length, tone: 'error' as const },
  ]
  const total = counts.reduce((sum, { count }) => sum + count, 0)
  const adding = parsed.files.length + parsed.folders.length
  const summary =
    total === 0
      ? 'No link recognised yet.'
      : adding === 0
        ? 'Nothing new to add.'
        : `${plural(parsed.files.length, 'file', 'files')} and ${plural(parsed.folders.length, 'folder', 'folders')} to add.`
  return { total, summary, counts: counts.filter(({ count }) => count > 0), rejected: parsed.rejected }
}
