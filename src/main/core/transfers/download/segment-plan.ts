import type { ByteRange } from './range-set'

/** Below this, a piece is not worth a connection of its own (aria2's `min-split-size` idea). */
export const MIN_SEGMENT_BYTES = 4 * 1024 * 1024

/**
 * Splits the missing ranges of a file into at most `connections` segments of at least
 * `minSegment` bytes, largest gaps split first, so that every connection gets a similar share.
 */
export function planSegments(
  missing: readonly ByteRange[],
  connections: number,
  minSegment = MIN_SEGMENT_BYTES,
): ByteRange[] {
  const pieces = missing.filter((range) => range.end > range.start).map((range) => ({ ...range }))
  if (pieces.length === 0) return []
  const limit = Math.max(1, Math.floor(connections))
  // Give each gap a share of connections proportional to its size, then split evenly.
  while (pieces.length < limit) {
    let largest = 0
    for (let i = 1; i < pieces.length; i++) {
      const candidate = pieces[i]!
      const best = pieces[largest]!
      if (candidate.end - candidate.start > best.end - best.start) largest = i
    }
    const target = pieces[largest]!
    const length = target.end - target.start
    if (length < 2 * minSegment) break
    const middle = target.start + Math.floor(length / 2)
    pieces.splice(largest, 1, { start: target.start, end: middle }, { start: middle, end: target.end })
  }
  return pieces.sort((a, b) => a.start - b.start)
}

/** A segment in progress: `position` is the next byte its connection will write. */
export interface ActiveSegment {
  position: number
  end: number
  /** When the connection started on this segment, and from where: gives its speed. */
  startedAt?: number
  startedFrom?: number
}

/** A hand-off is worth it only if the busy connection would need longer than this to finish alone. */
export const MIN_STEAL_SECONDS = 2

/**
 * Tail rebalancing: when a connection is free and nothing is left unassigned, take the second half
 * of the largest remainder of an active segment. Shortens that segment in place and returns the new
 * range, or null when no remainder is worth splitting: too small, or its connection would finish it
 * within `MIN_STEAL_SECONDS` anyway. (Bytes the server already pushed past the hand-off point are
 * read twice, about one round trip's worth; the time rule keeps that small next to what is gained.)
 */
export function stealTail(
  active: readonly ActiveSegment[],
  minSegment = MIN_SEGMENT_BYTES,
  now?: number,
): ByteRange | null {
  let victim: ActiveSegment | null = null
  for (const segment of active) {
    // A connection that has not received its first byte yet is not worth splitting.
    if (segment.startedFrom !== undefined && segment.position === segment.startedFrom) continue
    if (!victim || segment.end - segment.position > victim.end - victim.position) victim = segment
  }
  if (!victim) return null
  const remaining = victim.end - victim.position
  if (remaining < 2 * minSegment) return null
  if (now !== undefined && victim.startedAt !== undefined && victim.startedFrom !== undefined) {
    const elapsed = (now - victim.startedAt) / 1000
    const speed = elapsed > 0 ? (victim.position - victim.startedFrom) / elapsed : 0
    if (speed > 0 && remaining / speed < MIN_STEAL_SECONDS) return null
  }
  const middle = victim.position + Math.floor(remaining / 2)
  const stolen = { start: middle, end: victim.end }
  victim.end = middle
  return stolen
}
