import type { LinkEntry } from '../model/intake'
import { FICHIER_DOMAINS } from './fichier-domains'
import { KnownLinks, linkKey } from './known-links'
import { parseLink } from './parse-link'
import type { ParsedFileLink, ParsedFolderLink, ParsedLinks } from './parsed-link'

export interface ParseLinksOptions {
  /**
   * Links already queued, in any shape `parseLinks` accepts: found again, they count as duplicates.
   * Callers that parse many inputs against one queue build a `KnownLinks` once and pass it.
   */
  known?: KnownLinks | Iterable<string>
}

/** Characters a URL runs over; brackets, quotes, pipes, commas and the like end it. */
const BODY = String.raw`[^\s<>"'\[\]()|,;{}\x60\\]`
const DOMAINS = FICHIER_DOMAINS.map((domain) => domain.replace(/\./g, String.raw`\.`)).join('|')
const URL_PATTERN = new RegExp(
  [
    // anything with a scheme
    String.raw`\b[a-z][a-z0-9+.-]{1,15}:\/\/${BODY}+`,
    // www.<anything>
    String.raw`(?<![\w@.\/-])www\.${BODY}+`,
    // a bare 1fichier (or 1fichier-like) host, with or without a path
    String.raw`(?<![\w@.\/-])(?:[a-z0-9-]+\.)*(?:${DOMAINS}|[a-z0-9-]*fichiers?[a-z0-9-]*\.(?:com|net|org|fr|eu|io|co|info|me))(?![\w-])(?::\d+)?(?:[/?#]${BODY}*)?`,
  ].join('|'),
  'gi',
)
const TRAILING_PUNCTUATION = /[.,!?:;*_~'"]+$/

/**
 * Password markers, after a link on the same line (or alone on the line right after it):
 * `password`, `passwd`, `pass`, `pwd`, `mdp`, `mot de passe`, followed by `:` or `=`, e.g.
 * `<link> password: xyz`, `<link> | pass=xyz`, `<link> (mdp: xyz)`. The value runs to the next
 * space, or is quoted.
 */
const PASSWORD_PATTERN =
  /(?<![\w])(?:password|passwd|pass|pwd|mdp|mot de passe)\s*[:=]\s*("[^"]*"|'[^']*'|\S+)/gi

const MAX_LINE_IN_REPORT = 500

interface Found {
  start: number
  end: number
  link: ParsedFileLink | ParsedFolderLink
}

/**
 * Finds 1fichier file and folder links in pasted text (or a list of entries), in canonical form.
 * - Links are found among any junk: several per line, in angle brackets, BBCode, markdown, with
 *   trailing punctuation and query noise.
 * - A link repeated on the same line (e.g. `[url=X]X[/url]`) counts once; seen again on another line,
 *   or listed in `options.known`, it is a duplicate (same id, whatever the shape or domain).
 * - A line holding a URL (or a 1fichier-like host) that is not a valid file or folder link is
 *   rejected with the reason; text without any URL is ignored.
 */
export function parseLinks(
  input: string | readonly LinkEntry[],
  options: ParseLinksOptions = {},
): ParsedLinks {
  const result: ParsedLinks = { files: [], folders: [], duplicates: [], rejected: [] }
  const known = options.known instanceof KnownLinks ? options.known : new KnownLinks(options.known)
  const seen = new Map<string, ParsedFileLink | ParsedFolderLink>()

  let previous: Array<ParsedFileLink | ParsedFolderLink> = []
  const visit = (line: string, entry?: LinkEntry) => {
    const trimmed = line.trim()
    if (trimmed === '') return
    const found: Found[] = []
    const lineKeys = new Set<string>()
    let candidates = 0
    for (const match of trimmed.matchAll(URL_PATTERN)) {
      const text = match[0].replace(TRAILING_PUNCTUATION, '')
      if (text === '') continue
      candidates++
      const parsed = parseLink(text)
      if (parsed.kind === 'rejected') {
        result.rejected.push({ line: excerpt(trimmed), reason: parsed.reason })
        continue
      }
      const key = linkKey(parsed)
      if (lineKeys.has(key)) continue
      lineKeys.add(key)
      const link = { url: parsed.url, id: parsed.id, domain: parsed.domain }
      found.push({ start: match.index, end: match.index + match[0].length, link })
    }
    if (entry && candidates === 0)
      result.rejected.push({ line: excerpt(trimmed), reason: 'no 1fichier link found' })

    const passwords = findPasswords(trimmed, found)
    if (found.length === 0) {
      const password = candidates === 0 ? passwords[0]?.value : undefined
      if (password !== undefined) for (const link of previous) link.password ??= password
      previous = []
      return
    }
    assignPasswords(found, passwords)
    previous = []
    for (const { link } of found) {
      if (entry?.password !== undefined && link.password === undefined) link.password = entry.password
      const key = linkKey(link)
      if (seen.has(key) || known.hasKey(key)) {
        result.duplicates.push(link.url)
        const first = seen.get(key)
        if (first && first.password === undefined && link.password !== undefined)
          first.password = link.password
        continue
      }
      seen.set(key, link)
      previous.push(link)
      if (key.startsWith('dir:')) result.folders.push(link)
      else result.files.push(link)
    }
  }

  if (typeof input === 'string') for (const line of input.split(/\r\n|\n|\r/)) visit(line)
  else for (const entry of input) visit(entry.url, entry)
  return result
}

function excerpt(line: string): string {
  return line.length > MAX_LINE_IN_REPORT ? `${line.slice(0, MAX_LINE_IN_REPORT)}…` : line
}

interface PasswordMark {
  index: number
  value: string
}

/** Password markers of a line, outside the links themselves. */
function findPasswords(line: string, found: Found[]): PasswordMark[] {
  let masked = line
  for (const { start, end } of found)
    masked = masked.slice(0, start) + ' '.repeat(end - start) + masked.slice(end)
  const marks: PasswordMark[] = []
  for (const match of masked.matchAll(PASSWORD_PATTERN)) {
    const raw = match[1] ?? ''
    const quoted = /^(["'])(.*)\1$/.exec(raw)
    const value = quoted ? (quoted[2] ?? '') : stripUnbalancedClosers(raw)
    if (value !== '') marks.push({ index: match.index, value })
  }
  return marks
}

/** Each password goes to the links between the previous marker and itself, or, if none, to the links after it. */
function assignPasswords(found: Found[], marks: PasswordMark[]): void {
  let from = 0
  for (const mark of marks) {
    const before = found.filter((item) => item.start >= from && item.end <= mark.index)
    const targets =
      before.length > 0
        ? before
        : found.filter((item) => item.start > mark.index && item.link.password === undefined).slice(0, 1)
    for (const item of targets) item.link.password ??= mark.value
    from = mark.index
  }
}

function stripUnbalancedClosers(value: string): string {
  let result = value
  for (const [open, close] of [
    ['(', ')'],
    ['[', ']'],
  ] as const) {
    while (result.endsWith(close) && count(result, close) > count(result, open)) result = result.slice(0, -1)
  }
  return result
}

function count(text: string, char: string): number {
  return text.split(char).length - 1
}
