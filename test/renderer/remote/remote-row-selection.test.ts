import { describe, expect, it } from 'vitest'
import type { RemoteListing } from '../../../src/shared/model/remote'
import {
  fileKey,
  folderKey,
  RemoteRowSelection,
  type RowKey,
} from '../../../src/renderer/features/remote/remote-row-selection'

const listing: RemoteListing = {
  folderId: 0,
  name: '',
  cachedAt: null,
  folders: [
    { id: 3, name: 'Photos', createdAt: null, protected: false },
    { id: 4, name: 'Invoices', createdAt: null, protected: true },
  ],
  files: [
    {
      url: 'https://1fichier.com/?a',
      name: 'a.txt',
      size: 1,
      date: '',
      checksum: null,
      contentType: null,
      protected: false,
    },
  ],
}

describe('RemoteRowSelection', () => {
  it('toggles one row without touching the others', () => {
    const one = RemoteRowSelection.toggle(new Set(), folderKey(3))
    const two = RemoteRowSelection.toggle(one, fileKey('https://1fichier.com/?a'))
    expect([...two]).toEqual(['folder:3', 'file:https://1fichier.com/?a'])
    expect([...RemoteRowSelection.toggle(two, folderKey(3))]).toEqual(['file:https://1fichier.com/?a'])
    expect([...one]).toEqual(['folder:3'])
  })

  it('tells none, some and all, and select-all flips between all and none', () => {
    expect(RemoteRowSelection.state(new Set(), listing)).toBe('none')
    const some = new Set<RowKey>([folderKey(4)])
    expect(RemoteRowSelection.state(some, listing)).toBe('some')
    const all = RemoteRowSelection.toggleAll(some, listing)
    expect(all.size).toBe(3)
    expect(RemoteRowSelection.state(all, listing)).toBe('all')
    expect(RemoteRowSelection.toggleAll(all, listing).size).toBe(0)
  })

  it('resolves keys against a listing, forgetting rows that are gone, and builds the contract selection', () => {
    const picked = RemoteRowSelection.pick(
      new Set<RowKey>([folderKey(4), folderKey(99), fileKey('https://1fichier.com/?a'), fileKey('gone')]),
      listing,
    )
    expect(picked.folders.map((f) => f.name)).toEqual(['Invoices'])
    expect(picked.files.map((f) => f.name)).toEqual(['a.txt'])
    expect(RemoteRowSelection.toRemote(picked)).toEqual({ files: ['https://1fichier.com/?a'], folders: [4] })
    expect(RemoteRowSelection.state(new Set<RowKey>([folderKey(99)]), listing)).toBe('none')
  })
})
