import { describe, expect, it } from 'vitest'
import type { TransferView } from '../../../src/shared/model/transfer'
import { previewLinks } from '../../../src/renderer/features/transfers/preview-links'

const queued = (source: string): TransferView => ({
  id: 'q1',
  kind: 'download',
  source,
  target: '/tmp',
  name: 'queued.bin',
  status: 'queued',
  bytesDone: 0,
  bytesTotal: null,
  attempts: 0,
  createdAt: 0,
  order: 0,
})

describe('the preview of a paste', () => {
  it('says nothing is recognised for empty text or prose', () => {
    expect(previewLinks('  ', [])).toMatchObject({ total: 0, summary: 'none', counts: [] })
    expect(previewLinks('just some words', [])).toMatchObject({ total: 0, summary: 'none' })
  })

  it('counts files, folders, duplicates, refused lines and links with their own password', () => {
    const text = [
      'https://1fichier.com/?aaaaaaaaaa password: s3cret',
      'https://1fichier.com/?bbbbbbbbbb',
      'https://1fichier.com/dir/AbCdEf12',
      'again https://1fichier.com/?bbbbbbbbbb',
      'https://1fichier.com/?cccccccccc',
      'https://1fichier.com/?bad_id!!!',
    ].join('\n')
    const preview = previewLinks(text, [queued('https://1fichier.com/?cccccccccc')])
    expect(preview.summary).toBe('toAdd')
    expect(preview.files).toBe(2)
    expect(preview.folders).toBe(1)
    expect(preview.counts).toEqual([
      { unit: 'files', count: 2, tone: 'ok' },
      { unit: 'folders', count: 1, tone: 'ok' },
      { unit: 'duplicates', count: 2, tone: 'muted' },
      { unit: 'rejected', count: 1, tone: 'error' },
      { unit: 'passwords', count: 1, tone: 'muted' },
    ])
    expect(preview.rejected).toHaveLength(1)
  })

  it('says when everything is already queued', () => {
    const preview = previewLinks('https://1fichier.com/?cccccccccc', [
      queued('https://1fichier.com/?cccccccccc'),
    ])
    expect(preview.summary).toBe('nothingNew')
  })
})
