import { describe, expect, it } from 'vitest'
import type { RemoteListing } from '../../../src/shared/model/remote'
import { patchListing } from '../../../src/renderer/features/remote/patch-listing'

const listing: RemoteListing = {
  folderId: 7,
  name: 'Photos',
  cachedAt: null,
  folders: [
    { id: 1, name: 'Alpha', createdAt: null, protected: false },
    { id: 3, name: 'Gamma', createdAt: null, protected: true },
  ],
  files: [
    { url: 'u1', name: 'a.txt', size: 1, date: '', checksum: null, contentType: null, protected: false },
    { url: 'u2', name: 'b.txt', size: 2, date: '', checksum: null, contentType: null, protected: false },
  ],
}

describe('patchListing', () => {
  it('adds a created folder in name order, once', () => {
    const patched = patchListing(listing, { kind: 'created', id: 2, name: 'Beta' })
    expect(patched.folders.map((f) => f.name)).toEqual(['Alpha', 'Beta', 'Gamma'])
    expect(patchListing(patched, { kind: 'created', id: 2, name: 'Beta' }).folders).toHaveLength(3)
    expect(listing.folders).toHaveLength(2)
  })

  it('renames a file or a folder in place', () => {
    const file = patchListing(listing, {
      kind: 'renamed',
      target: { kind: 'file', url: 'u2' },
      name: 'c.txt',
    })
    expect(file.files.map((f) => f.name)).toEqual(['a.txt', 'c.txt'])
    const folder = patchListing(listing, {
      kind: 'renamed',
      target: { kind: 'folder', id: 3 },
      name: 'Delta',
    })
    expect(folder.folders.map((f) => [f.name, f.protected])).toEqual([
      ['Alpha', false],
      ['Delta', true],
    ])
  })

  it('takes out what was moved away or deleted', () => {
    const patched = patchListing(listing, { kind: 'removed', files: ['u1'], folders: [1] })
    expect(patched.files.map((f) => f.url)).toEqual(['u2'])
    expect(patched.folders.map((f) => f.id)).toEqual([3])
  })

  it('marks files protected or not once their password changed', () => {
    const locked = patchListing(listing, { kind: 'protected', files: ['u2'], protected: true })
    expect(locked.files.map((f) => [f.url, f.protected])).toEqual([
      ['u1', false],
      ['u2', true],
    ])
    const unlocked = patchListing(locked, { kind: 'protected', files: ['u1', 'u2'], protected: false })
    expect(unlocked.files.every((f) => !f.protected)).toBe(true)
  })
})
