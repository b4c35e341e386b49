import { describe, expect, it } from 'vitest'
import type { TransferView } from '../../../src/shared/model/transfer'
import { historyEntries, searchHistory } from '../../../src/renderer/features/history/history-entry'

const item = (over: Partial<TransferView> & { id: string }): TransferView => ({
  kind: 'download',
  source: `https://1fichier.com/?${over.id}`,
  target: '/downloads',
  name: `${over.id}.bin`,
  status: 'completed',
  bytesDone: 5,
  bytesTotal: 5,
  attempts: 1,
  createdAt: 1,
  order: 1,
  ...over,
})

describe('historyEntries', () => {
  const byId = Object.fromEntries(
    [
      item({ id: 'old', finishedAt: 1000 }),
      item({ id: 'new', finishedAt: 3000, name: 'Été 2026.mkv' }),
      item({ id: 'running', status: 'active' }),
      item({ id: 'failed', status: 'failed' }),
      item({
        id: 'up',
        kind: 'upload',
        source: '/home/ada/photo.jpg',
        target: '0',
        finishedAt: 2000,
        link: 'https://1fichier.com/?uplink',
        removeLink: 'https://1fichier.com/remove/uplink/k',
      }),
      item({
        id: 'skipped',
        kind: 'upload',
        source: '/x',
        target: '7',
        finishedAt: 500,
        note: 'already there',
      }),
      item({
        id: 'mine',
        kind: 'upload',
        source: '/y',
        target: '0',
        finishedAt: 400,
        link: 'https://1fichier.com/?mine',
        removeLink: '',
      }),
    ].map((entry) => [entry.id, entry]),
  )

  it('keeps completed transfers only, newest first, with their links', () => {
    const entries = historyEntries(byId)
    expect(entries.map((entry) => entry.id)).toEqual(['new', 'up', 'old', 'skipped', 'mine'])
    expect(entries[0]).toMatchObject({ link: 'https://1fichier.com/?new', place: '/downloads', size: 5 })
    expect(entries[1]).toMatchObject({
      kind: 'upload',
      link: 'https://1fichier.com/?uplink',
      removeLink: 'https://1fichier.com/remove/uplink/k',
      place: '0',
    })
    // An upload never gives its local path as a link.
    expect(entries[3]).toMatchObject({ link: null, place: '7' })
    // An upload tied to an account gets no removal link (1fichier sends an empty one).
    expect(entries[4]).toMatchObject({ link: 'https://1fichier.com/?mine', removeLink: null })
  })

  it('searches names, links and folders, ignoring case and accents', () => {
    const entries = historyEntries(byId)
    expect(searchHistory(entries, 'ete').map((entry) => entry.id)).toEqual(['new'])
    expect(searchHistory(entries, 'UPLINK').map((entry) => entry.id)).toEqual(['up'])
    expect(searchHistory(entries, 'downloads old').map((entry) => entry.id)).toEqual(['old'])
    expect(searchHistory(entries, '  ')).toHaveLength(5)
  })
})
