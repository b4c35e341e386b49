import { describe, expect, it } from 'vitest'
import type { RemoteFile, RemoteListing } from '../../../src/shared/model/remote'
import { downloadRequests, linkEntry } from '../../../src/renderer/features/remote/download-requests'
import { walkRemoteFolder } from '../../../src/renderer/features/remote/walk-remote-folder'

const CHECKSUM = 'ab'.repeat(64)

function file(name: string, extra: Partial<RemoteFile> = {}): RemoteFile {
  return {
    url: `https://1fichier.com/?${name}`,
    name,
    size: name.length,
    date: '2024-01-01 00:00:00',
    checksum: CHECKSUM,
    contentType: null,
    protected: false,
    ...extra,
  }
}

function listing(folderId: number, folders: Array<[number, string]>, files: RemoteFile[]): RemoteListing {
  return {
    folderId,
    name: '',
    cachedAt: null,
    folders: folders.map(([id, name]) => ({ id, name, createdAt: null, protected: false })),
    files,
  }
}

describe('walkRemoteFolder', () => {
  it('lists a folder and everything under it, one listing after the other, with each path', async () => {
    const tree = new Map<number, RemoteListing>([
      [
        10,
        listing(
          10,
          [
            [11, 'Summer'],
            [12, 'Winter'],
          ],
          [file('cover.jpg')],
        ),
      ],
      [11, listing(11, [[13, 'Day 1']], [file('sea.jpg')])],
      [12, listing(12, [], [])],
      [13, listing(13, [], [file('sand.jpg'), file('sun.jpg')])],
    ])
    let running = 0
    const order: number[] = []
    const counts: number[] = []
    const walked = await walkRemoteFolder(
      async (id) => {
        running++
        expect(running).toBe(1)
        order.push(id)
        await new Promise((resolve) => setTimeout(resolve, 1))
        running--
        const found = tree.get(id)
        if (!found) throw new Error(`no folder ${id}`)
        return found
      },
      { id: 10, name: 'Photos' },
      (count) => counts.push(count),
    )
    expect(order).toEqual([10, 11, 13, 12])
    expect(counts).toEqual([1, 2, 3, 4])
    expect(walked.map((w) => [w.path.join('/'), w.files.map((f) => f.name)])).toEqual([
      ['Photos', ['cover.jpg']],
      ['Photos/Summer', ['sea.jpg']],
      ['Photos/Summer/Day 1', ['sand.jpg', 'sun.jpg']],
      ['Photos/Winter', []],
    ])
  })

  it('lists a folder met twice only once', async () => {
    const calls: number[] = []
    const walked = await walkRemoteFolder(
      (id) => {
        calls.push(id)
        return Promise.resolve(listing(id, id === 1 ? [[1, 'Loop']] : [], []))
      },
      { id: 1, name: 'Top' },
    )
    expect(calls).toEqual([1])
    expect(walked).toHaveLength(1)
  })
})

describe('downloadRequests', () => {
  it('sends files with what the listing knows, and each folder to its own folder inside the download folder', () => {
    const requests = downloadRequests({
      files: [file('readme.txt')],
      folders: [
        { path: ['Photos'], files: [file('cover.jpg')] },
        { path: ['Photos', 'Winter'], files: [] },
        { path: ['Photos', 'Summer: 2024'], files: [file('sea.jpg', { checksum: null })] },
      ],
    })
    expect(requests).toEqual([
      {
        kind: 'download',
        links: [
          { url: 'https://1fichier.com/?readme.txt', name: 'readme.txt', size: 10, checksum: CHECKSUM },
        ],
        start: true,
      },
      {
        kind: 'download',
        links: [{ url: 'https://1fichier.com/?cover.jpg', name: 'cover.jpg', size: 9, checksum: CHECKSUM }],
        targetDir: 'Photos',
        start: true,
      },
      {
        kind: 'download',
        links: [{ url: 'https://1fichier.com/?sea.jpg', name: 'sea.jpg', size: 7 }],
        targetDir: 'Photos/Summer_ 2024',
        start: true,
      },
    ])
  })

  it('keeps folder names from leaving the download folder', () => {
    const [request] = downloadRequests({
      files: [],
      folders: [{ path: ['..', '../etc', '/abs'], files: [file('b')] }],
    })
    expect(request?.targetDir).toBe('_/.._etc/_abs')
  })

  it('splits a very large folder into several requests', () => {
    const many = Array.from({ length: 12_001 }, (_, i) => file(`f${i}`))
    const requests = downloadRequests({ files: [], folders: [{ path: ['Big'], files: many }] })
    expect(requests.map((r) => r.links?.length)).toEqual([5000, 5000, 2001])
    expect(requests.every((r) => r.targetDir === 'Big')).toBe(true)
  })

  it('drops a checksum or size the contract would refuse rather than the whole download', () => {
    expect(linkEntry(file('x', { checksum: 'not-a-whirlpool', size: 1.5 }))).toEqual({
      url: 'https://1fichier.com/?x',
      name: 'x',
    })
    expect(linkEntry(file('y', { checksum: CHECKSUM.toUpperCase() })).checksum).toBe(CHECKSUM)
  })
})
