import { describe, expect, it } from 'vitest'
import { carriesLinks, droppedText } from '../../../src/renderer/features/transfers/dropped-links'

describe('carriesLinks', () => {
  it('takes text and link drags', () => {
    expect(carriesLinks(['text/plain'])).toBe(true)
    expect(carriesLinks(['text/uri-list', 'text/plain', 'text/html'])).toBe(true)
  })

  it("leaves files and the app's own row drags alone", () => {
    expect(carriesLinks(['Files'])).toBe(false)
    expect(carriesLinks(['Files', 'text/plain'])).toBe(false)
    expect(carriesLinks(['application/x-fichier-remote-rows', 'text/plain'])).toBe(false)
    expect(carriesLinks(['text/html'])).toBe(false)
    expect(carriesLinks([])).toBe(false)
  })
})

describe('droppedText', () => {
  it('prefers the plain text, junk and all (the link parser finds the links)', () => {
    expect(droppedText('see https://1fichier.com/?abcdefghij1234567890 now', 'https://x')).toBe(
      'see https://1fichier.com/?abcdefghij1234567890 now',
    )
  })

  it('falls back to the URI list without its comment lines', () => {
    const list =
      '# from a browser\r\nhttps://1fichier.com/?aaaaaaaaaaaaaaaaaaaa\r\n\r\nhttps://1fichier.com/dir/AbCd1234\r\n'
    expect(droppedText('  ', list)).toBe(
      'https://1fichier.com/?aaaaaaaaaaaaaaaaaaaa\nhttps://1fichier.com/dir/AbCd1234',
    )
  })
})
