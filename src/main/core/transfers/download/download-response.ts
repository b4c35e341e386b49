import { parseContentRange } from './content-range'
import { TransferFailureError } from '../transfer-failure'

export type ResponseHeaders = Record<string, string | string[] | undefined>

export function header(headers: ResponseHeaders, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

function notTheFile(message: string): TransferFailureError {
  return new TransferFailureError('NOT_THE_FILE', message, { retriable: true })
}

/**
 * Refuses an answer that is not file bytes: 1fichier's nodes can answer a 200 web page ("too
 * fast", maintenance, the home page after a redirect) where the file was expected.
 */
export function assertNotWebPage(headers: ResponseHeaders): void {
  const type = header(headers, 'content-type') ?? ''
  if (/^\s*text\/html\b/i.test(type)) {
    throw notTheFile(
      '1fichier answered a web page instead of the file (busy or in maintenance); trying again.',
    )
  }
}

/**
 * Checks that a body is exactly what was asked: for a 200, `Content-Length` equal to the file's size
 * (when known); for a 206, a `Content-Range` starting where asked, of the file's size, and a
 * `Content-Length` equal to that range. Answers the range served (end exclusive).
 */
export function servedRange(
  status: number,
  headers: ResponseHeaders,
  expected: { start: number; size: number | null },
): { start: number; end: number; total: number | null } {
  const lengthText = header(headers, 'content-length')
  const length = lengthText === undefined ? null : Number(lengthText)
  if (status === 200) {
    if (expected.start > 0) throw notTheFile('The server sent the whole file instead of the part asked for.')
    if (length !== null && expected.size !== null && length !== expected.size) {
      throw notTheFile(`The server announced ${length} bytes for a file of ${expected.size}; trying again.`)
    }
    const total = expected.size ?? (length !== null && Number.isSafeInteger(length) ? length : null)
    return { start: 0, end: total ?? Infinity, total }
  }
  const range = parseContentRange(header(headers, 'content-range'))
  if (!range || range.start !== expected.start) {
    throw notTheFile('The server answered another part of the file than the one asked for.')
  }
  if (length !== null && length !== range.end - range.start) {
    throw notTheFile('The server announced a body length that does not match the part it sent.')
  }
  if (expected.size !== null && range.total !== null && range.total !== expected.size) {
    throw new TransferFailureError(
      'SERVER_CHANGED_FILE',
      `The file on 1fichier is now ${range.total} bytes, not ${expected.size}: it changed.`,
      { retriable: true },
    )
  }
  return range
}
