import { describe, expect, it } from 'vitest'
import { RangeSet } from '../../../src/main/core/transfers/download/range-set'
import { planSegments, stealTail } from '../../../src/main/core/transfers/download/segment-plan'
import { parseContentRange } from '../../../src/main/core/transfers/download/content-range'

describe('RangeSet', () => {
  it('merges overlapping and touching ranges and reports gaps', () => {
    const set = new RangeSet()
    set.add(10, 20)
    set.add(30, 40)
    set.add(20, 25)
    set.add(35, 50)
    set.add(0, 0)
    expect(set.toJSON()).toEqual([
      { start: 10, end: 25 },
      { start: 30, end: 50 },
    ])
    expect(set.size).toBe(35)
    expect(set.missing(60)).toEqual([
      { start: 0, end: 10 },
      { start: 25, end: 30 },
      { start: 50, end: 60 },
    ])
    set.add(0, 100)
    expect(set.covers(60)).toBe(true)
    expect(set.toJSON()).toEqual([{ start: 0, end: 100 }])
  })

  it('rebuilds from its JSON form', () => {
    const set = new RangeSet([
      { start: 5, end: 9 },
      { start: 0, end: 5 },
    ])
    expect(set.toJSON()).toEqual([{ start: 0, end: 9 }])
  })
})

describe('planSegments', () => {
  const MiB = 1024 * 1024
  it('splits a whole file into equal segments, one per connection', () => {
    const plan = planSegments([{ start: 0, end: 64 * MiB }], 4, 4 * MiB)
    expect(plan).toEqual([
      { start: 0, end: 16 * MiB },
      { start: 16 * MiB, end: 32 * MiB },
      { start: 32 * MiB, end: 48 * MiB },
      { start: 48 * MiB, end: 64 * MiB },
    ])
  })

  it('never makes segments smaller than the minimum', () => {
    const plan = planSegments([{ start: 0, end: 10 * MiB }], 16, 4 * MiB)
    expect(plan).toHaveLength(2)
    expect(planSegments([{ start: 0, end: 1000 }], 8, 4 * MiB)).toEqual([{ start: 0, end: 1000 }])
  })

  it('covers every missing byte exactly once', () => {
    const missing = [
      { start: 0, end: 3 * MiB },
      { start: 10 * MiB, end: 50 * MiB },
      { start: 60 * MiB, end: 61 * MiB },
    ]
    const plan = planSegments(missing, 8, 2 * MiB)
    expect(plan.length).toBeLessThanOrEqual(8)
    const total = plan.reduce((sum, r) => sum + r.end - r.start, 0)
    expect(total).toBe(3 * MiB + 40 * MiB + 1 * MiB)
    for (let i = 1; i < plan.length; i++) expect(plan[i]!.start).toBeGreaterThanOrEqual(plan[i - 1]!.end)
  })

  it('steals the second half of the largest remaining tail', () => {
    const active = [
      { position: 0, end: 10 * MiB },
      { position: 20 * MiB, end: 40 * MiB },
    ]
    const stolen = stealTail(active, 4 * MiB)
    expect(stolen).toEqual({ start: 30 * MiB, end: 40 * MiB })
    expect(active[1]!.end).toBe(30 * MiB)
    expect(stealTail([{ position: 0, end: 7 * MiB }], 4 * MiB)).toBeNull()
  })
})

describe('parseContentRange', () => {
  it('reads valid headers and refuses malformed ones', () => {
    expect(parseContentRange('bytes 100-199/1000')).toEqual({ start: 100, end: 200, total: 1000 })
    expect(parseContentRange('bytes 0-0/*')).toEqual({ start: 0, end: 1, total: null })
    expect(parseContentRange('bytes 100-99/1000')).toBeNull()
    expect(parseContentRange('bytes 0-1000/1000')).toBeNull()
    expect(parseContentRange('bytes */1000')).toBeNull()
    expect(parseContentRange(undefined)).toBeNull()
  })
})

describe('stealTail timing', () => {
  const MiB = 1024 * 1024
  it('leaves a segment alone when its connection will finish it soon', () => {
    // 20 MiB left at 100 MiB/s: done in 0.2 s, not worth a hand-off.
    const fast = [{ position: 10 * MiB, end: 30 * MiB, startedAt: 0, startedFrom: 0 }]
    expect(stealTail(fast, 4 * MiB, 100)).toBeNull()
    // The same remainder at 1 MiB/s would take 20 s: split it.
    const slow = [{ position: 10 * MiB, end: 30 * MiB, startedAt: 0, startedFrom: 0 }]
    expect(stealTail(slow, 4 * MiB, 10_000)).toEqual({ start: 20 * MiB, end: 30 * MiB })
  })
})
