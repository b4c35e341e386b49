/** A half-open byte range `[start, end)`. */
export interface ByteRange {
  start: number
  end: number
}

/** A sorted, merged set of byte ranges: the parts of a file known to be on disk. */
export class RangeSet {
  #ranges: ByteRange[] = []

  constructor(ranges: Iterable<ByteRange> = []) {
    for (const range of ranges) this.add(range.start, range.end)
  }

  add(start: number, end: number): void {
    if (!(end > start)) return
    const merged: ByteRange[] = []
    let next = { start, end }
    let placed = false
    for (const range of this.#ranges) {
      if (range.end < next.start) merged.push(range)
      else if (range.start > next.end) {
        if (!placed) {
          merged.push(next)
          placed = true
        }
        merged.push(range)
      } else next = { start: Math.min(range.start, next.start), end: Math.max(range.end, next.end) }
    }
    if (!placed) merged.push(next)
    this.#ranges = merged
  }

  /** Bytes covered. */
  get size(): number {
    let total = 0
    for (const range of this.#ranges) total += range.end - range.start
    return total
  }

  /** The gaps of `[0, length)` not covered yet. */
  missing(length: number): ByteRange[] {
    const gaps: ByteRange[] = []
    let cursor = 0
    for (const range of this.#ranges) {
      if (range.start >= length) break
      if (range.start > cursor) gaps.push({ start: cursor, end: range.start })
      cursor = Math.max(cursor, range.end)
    }
    if (cursor < length) gaps.push({ start: cursor, end: length })
    return gaps
  }

  covers(length: number): boolean {
    return this.missing(length).length === 0
  }

  toJSON(): ByteRange[] {
    return this.#ranges.map((range) => ({ ...range }))
  }
}
