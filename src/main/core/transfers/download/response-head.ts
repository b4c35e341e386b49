export interface ResponseHead {
  status: number
  /** Lower-case names; a repeated header's values joined with `, `. */
  headers: Record<string, string>
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
const STATUS_LINE = /^HTTP\/1\.[01] ([1-5]\d\d)(?: [^\r\n]*)?$/
/** Printable Latin-1 and tabs only: no control characters, no line breaks. */
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/
/** Headers that say what the body is: a second copy that disagrees makes the answer ambiguous. */
const SINGLE = new Set([
  'content-length',
  'content-range',
  'content-type',
  'content-encoding',
  'content-disposition',
  'transfer-encoding',
  'location',
])

/**
 * Reads a response head (the status line and header lines, without the blank line that ends them,
 * decoded as Latin-1). Strict on purpose: anything unusual (folded lines, bare line feeds, a bad
 * name, an ambiguous duplicate) answers null, and the caller hands the exchange to node:http.
 */
export function parseResponseHead(text: string): ResponseHead | null {
  const lines = text.split('\r\n')
  const status = STATUS_LINE.exec(lines[0] ?? '')
  if (!status) return null
  const headers: Record<string, string> = {}
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':')
    if (colon <= 0) return null
    const name = line.slice(0, colon)
    const value = line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '')
    if (!TOKEN.test(name) || !FIELD_VALUE.test(value)) return null
    const key = name.toLowerCase()
    const earlier = headers[key]
    if (earlier === undefined) headers[key] = value
    else if (SINGLE.has(key)) {
      if (earlier !== value) return null
    } else headers[key] = `${earlier}, ${value}`
  }
  return { status: Number(status[1]), headers }
}

/**
 * The body length of a 200/206 answer this reader can take as is: a plain `Content-Length`, no
 * transfer or content coding. Null otherwise (chunked, compressed, length missing or malformed).
 */
export function plainBodyLength(head: ResponseHead): number | null {
  if (head.headers['transfer-encoding'] !== undefined) return null
  const coding = head.headers['content-encoding']
  if (coding !== undefined && coding.toLowerCase() !== 'identity') return null
  const text = head.headers['content-length']
  if (text === undefined || !/^\d{1,16}$/.test(text)) return null
  const length = Number(text)
  return Number.isSafeInteger(length) ? length : null
}
