import { describe, expect, it } from 'vitest'
import { parseRemoteUploadUrls } from '../../../src/renderer/features/remote/remote-upload-urls'

describe('URLs for a remote upload', () => {
  it('finds http(s) URLs among prose, once each, without the punctuation around them', () => {
    const text =
      'Get (https://cdn.example.org/a.zip), then https://cdn.example.org/b.tar.gz.\n' +
      '<http://mirror.example.net/c.iso> and again https://cdn.example.org/a.zip!'
    expect(parseRemoteUploadUrls(text)).toEqual({
      urls: [
        'https://cdn.example.org/a.zip',
        'https://cdn.example.org/b.tar.gz',
        'http://mirror.example.net/c.iso',
      ],
      refused: [],
    })
  })

  it('refuses link-like words 1fichier cannot fetch, and ignores plain words', () => {
    expect(
      parseRemoteUploadUrls('ftp://old.example/x.zip www.example.org/y.zip file:///etc/passwd hello'),
    ).toEqual({
      urls: [],
      refused: ['ftp://old.example/x.zip', 'www.example.org/y.zip', 'file:///etc/passwd'],
    })
  })

  it('keeps query strings and encoded characters as given', () => {
    expect(parseRemoteUploadUrls('https://s.example/get?id=4&sig=a%2Fb').urls).toEqual([
      'https://s.example/get?id=4&sig=a%2Fb',
    ])
  })
})
