import { parseLinks } from '../../shared/links'

export interface ClipboardOffer {
  /** The text to hand to `transfers:add`. */
  text: string
  /** How many file and folder links it holds that are not queued yet. */
  count: number
}

/**
 * What a clipboard change offers to add: null when the text is the one already seen, or holds no
 * 1fichier link that is not in the queue (`known`). Never adds anything itself: the app asks first.
 */
export function clipboardOffer(
  text: string,
  previous: string | null,
  known: Iterable<string>,
): ClipboardOffer | null {
  if (text === previous || text.trim() === '') return null
  const parsed = parseLinks(text, { known })
  const count = parsed.files.length + parsed.folders.length
  return count > 0 ? { text, count } : null
}
