import { describe, expect, it } from 'vitest'
import type { TransferView } from '../../src/shared/model/transfer'
import { applyChangeBatch, stateFromSnapshot } from '../../src/renderer/stores/apply-change-batch'

const item = (id: string, order: number, patch: Partial<TransferView> = {}): TransferView => ({
  id,
  kind: 'download',
  source: `https://1fichier.com/?${id}`,
  target: '/downloads',
  name: `${id}.bin`,
  status: 'queued',
  bytesDone: 0,
  bytesTotal: 100,
  attempts: 0,
  createdAt: 1000 + order,
  order,
  ...patch,
})

describe('applyChangeBatch', () => {
  const base = stateFromSnapshot(4, [item('b', 2), item('a', 1), item('c', 3)])

  it('orders a snapshot by queue order', () => {
    expect(base.ids).toEqual(['a', 'b', 'c'])
    expect(base.revision).toBe(4)
    expect(base.loaded).toBe(true)
  })

  it('applies the next revision: upserts, removals and new order in one state', () => {
    const outcome = applyChangeBatch(base, {
      revision: 5,
      upserts: [item('d', 0), item('b', 2, { status: 'active' })],
      removedIds: ['c'],
    })
    expect(outcome.kind).toBe('applied')
    if (outcome.kind !== 'applied') return
    expect(outcome.state.revision).toBe(5)
    expect(outcome.state.ids).toEqual(['d', 'a', 'b'])
    expect(outcome.state.byId['b']?.status).toBe('active')
    expect(outcome.state.byId['c']).toBeUndefined()
  })

  it('keeps untouched rows and the id list identical when only statuses change', () => {
    const outcome = applyChangeBatch(base, {
      revision: 5,
      upserts: [item('b', 2, { status: 'paused' })],
      removedIds: [],
    })
    if (outcome.kind !== 'applied') throw new Error(`expected applied, got ${outcome.kind}`)
    expect(outcome.state.ids).toBe(base.ids)
    expect(outcome.state.byId['a']).toBe(base.byId['a'])
    expect(outcome.state.byId['b']).not.toBe(base.byId['b'])
  })

  it('reports a gap when a revision was skipped, and ignores what the state already has', () => {
    expect(applyChangeBatch(base, { revision: 6, upserts: [], removedIds: [] }).kind).toBe('gap')
    expect(applyChangeBatch(base, { revision: 4, upserts: [item('z', 9)], removedIds: [] }).kind).toBe(
      'stale',
    )
    expect(applyChangeBatch(base, { revision: 2, upserts: [], removedIds: ['a'] }).kind).toBe('stale')
  })
})
