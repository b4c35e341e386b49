/** Drag types the app itself uses (rows of the Remote view): never taken for links from elsewhere. */
const OWN_TYPE_PREFIX = 'application/x-fichier'

/** True when a drag carries text or links (from a browser, a chat, an editor) rather than files. */
export function carriesLinks(types: readonly string[]): boolean {
  if (types.includes('Files') || types.some((type) => type.startsWith(OWN_TYPE_PREFIX))) return false
  return types.includes('text/plain') || types.includes('text/uri-list')
}

/**
 * The text of a drop of links: the plain text when there is some, else the `text/uri-list`
 * (RFC 2483: one URI per line, `#` lines are comments).
 */
export function droppedText(plain: string, uriList: string): string {
  if (plain.trim() !== '') return plain
  return uriList
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .join('\n')
}
