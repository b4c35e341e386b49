import { describe, expect, it } from 'vitest'
import { applyProgressTick, type ProgressTick } from '../../src/renderer/stores/apply-progress-tick'
import { EMPTY_TRANSFER_PROGRESS } from '../../src/renderer/stores/transfer-progress-state'

const totals = (downSpeed: number): ProgressTick['totals'] => ({
  downSpeed,
  upSpeed: 0,
  counts: { queued: 0, active: 2, retrying: 0, paused: 0, completed: 0, failed: 0, canceled: 0 },
  eta: 10,
})

describe('applyProgressTick', () => {
  const first = applyProgressTick(EMPTY_TRANSFER_PROGRESS, {
    at: 100,
    items: [
      { id: 'a', bytes: 10, total: 100, speed: 5, eta: 18 },
      { id: 'b', bytes: 50, total: 100, speed: 8, eta: 6 },
    ],
    totals: totals(13),
  })

  it('stores every entry of the tick and its totals', () => {
    expect(Object.keys(first.byId).sort()).toEqual(['a', 'b'])
    expect(first.totals.downSpeed).toBe(13)
    expect(first.at).toBe(100)
  })

  it('keeps the identity of entries that did not move and drops those no longer active', () => {
    const second = applyProgressTick(first, {
      at: 200,
      items: [{ id: 'a', bytes: 10, total: 100, speed: 5, eta: 18 }],
      totals: totals(5),
    })
    expect(second.byId['a']).toBe(first.byId['a'])
    expect(second.byId['b']).toBeUndefined()
  })

  it('replaces entries that moved', () => {
    const second = applyProgressTick(first, {
      at: 200,
      items: [{ id: 'a', bytes: 20, total: 100, speed: 5, eta: 16 }],
      totals: totals(5),
    })
    expect(second.byId['a']).toEqual({ id: 'a', bytes: 20, total: 100, speed: 5, eta: 16 })
  })

  it('ignores a tick older than the last one applied', () => {
    const older = applyProgressTick(first, { at: 50, items: [], totals: totals(0) })
    expect(older).toBe(first)
  })
})
