import { describe, expect, it } from 'vitest'
import type { TransferView } from '../../../src/shared/model/transfer'
import { QUEUE_ORDER, sortTransferIds } from '../../../src/renderer/features/transfers/transfer-sort'

function item(id: string, fields: Partial<TransferView>): TransferView {
  return {
    id,
    kind: 'download',
    source: `https://1fichier.com/?${id}`,
    target: '/tmp',
    name: id,
    status: 'queued',
    bytesDone: 0,
    bytesTotal: null,
    attempts: 0,
    createdAt: 0,
    order: 0,
    ...fields,
  }
}

function table(items: TransferView[]) {
  return {
    ids: items.map((entry) => entry.id),
    byId: Object.fromEntries(items.map((entry) => [entry.id, entry])),
  }
}

describe('sortTransferIds', () => {
  const { ids, byId } = table([
    item('a', { name: 'Zèbre.mkv', bytesTotal: 300, bytesDone: 150, status: 'active', createdAt: 3 }),
    item('b', { name: 'éclair 10.txt', bytesTotal: 100, status: 'paused', createdAt: 1 }),
    item('c', { name: 'Eclair 9.txt', bytesTotal: 100, status: 'completed', createdAt: 2 }),
    item('d', { name: 'avion.iso', bytesTotal: null, status: 'failed', createdAt: 2 }),
  ])

  it('keeps the queue order as it is, and reverses it when descending', () => {
    expect(sortTransferIds(ids, byId, QUEUE_ORDER, 'en')).toBe(ids)
    expect(sortTransferIds(ids, byId, { key: 'queue', direction: 'desc' }, 'en')).toEqual([
      'd',
      'c',
      'b',
      'a',
    ])
  })

  it('orders names with the language rules: accents and case aside, numbers by value', () => {
    expect(sortTransferIds(ids, byId, { key: 'name', direction: 'asc' }, 'fr')).toEqual(['d', 'c', 'b', 'a'])
    expect(sortTransferIds(ids, byId, { key: 'name', direction: 'desc' }, 'fr')).toEqual(['a', 'b', 'c', 'd'])
  })

  it('sorts by size with unknown sizes first, ties in queue order in both directions', () => {
    expect(sortTransferIds(ids, byId, { key: 'size', direction: 'asc' }, 'en')).toEqual(['d', 'b', 'c', 'a'])
    expect(sortTransferIds(ids, byId, { key: 'size', direction: 'desc' }, 'en')).toEqual(['a', 'b', 'c', 'd'])
  })

  it('sorts by progress, a finished transfer counting as complete', () => {
    expect(sortTransferIds(ids, byId, { key: 'progress', direction: 'desc' }, 'en')).toEqual([
      'c',
      'a',
      'b',
      'd',
    ])
  })

  it('sorts by state, running first, and by date added', () => {
    expect(sortTransferIds(ids, byId, { key: 'status', direction: 'asc' }, 'en')).toEqual([
      'a',
      'b',
      'd',
      'c',
    ])
    expect(sortTransferIds(ids, byId, { key: 'added', direction: 'asc' }, 'en')).toEqual(['b', 'c', 'd', 'a'])
  })

  it('leaves ids it does not know at the end and does not change its input', () => {
    const withUnknown = ['x', ...ids]
    const copy = [...withUnknown]
    expect(sortTransferIds(withUnknown, byId, { key: 'name', direction: 'asc' }, 'en')).toEqual([
      'd',
      'c',
      'b',
      'a',
      'x',
    ])
    expect(withUnknown).toEqual(copy)
  })

  it('sorts 10,000 rows by name and by size', () => {
    const many = table(
      Array.from({ length: 10_000 }, (_, index) =>
        item(`t${index}`, {
          name: `file ${(index * 7919) % 10_000}.bin`,
          bytesTotal: (index * 104_729) % 10_000,
        }),
      ),
    )
    const byName = sortTransferIds(many.ids, many.byId, { key: 'name', direction: 'asc' }, 'en')
    expect(byName).toHaveLength(10_000)
    expect(many.byId[byName[0] ?? '']?.name).toBe('file 0.bin')
    expect(many.byId[byName[9_999] ?? '']?.name).toBe('file 9999.bin')
    const bySize = sortTransferIds(many.ids, many.byId, { key: 'size', direction: 'desc' }, 'en')
    expect(many.byId[bySize[0] ?? '']?.bytesTotal).toBe(9_999)
  })
})
