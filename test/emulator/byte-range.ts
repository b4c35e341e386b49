/** A satisfiable byte range `[start, end]` (inclusive), 'unsatisfiable', or undefined to serve everything. */
export type RangeRequest = { start: number; end: number } | 'unsatisfiable' | undefined

/** Reads a single-range `Range` header as a download node does (several ranges or bad syntax: ignored). */
export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (!header) return undefined
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header)
  if (!match) return undefined
  const [, first = '', last = ''] = match
  if (first === '' && last === '') return undefined
  if (first === '') {
    const suffix = Number(last)
    if (suffix === 0 || size === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(first)
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1)
  if (last !== '' && Number(last) < start) return undefined
  if (start >= size) return 'unsatisfiable'
  return { start, end }
}
