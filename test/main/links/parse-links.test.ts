import { describe, expect, it } from 'vitest'
import {
  FICHIER_DOMAINS,
  KnownLinks,
  canonicalFileUrl,
  isFichierDomain,
  parseLinks,
} from '../../../src/shared/links'

const ID = 'k8a0z2fbprqbj2p7cvmt'

/** One paste (or line) and the canonical file links expected from it, in order. */
const FILE_SHAPES: Array<[string, string[]]> = [
  [`https://1fichier.com/?${ID}`, [`https://1fichier.com/?${ID}`]],
  [`http://1fichier.com/?${ID}`, [`https://1fichier.com/?${ID}`]],
  [`https://www.1fichier.com/?${ID}`, [`https://1fichier.com/?${ID}`]],
  [`http://${ID}.1fichier.com/`, [`https://1fichier.com/?${ID}`]],
  [`http://${ID}.1fichier.com`, [`https://1fichier.com/?${ID}`]],
  [`https://1fichier.com/?${ID}&af=123456`, [`https://1fichier.com/?${ID}`]],
  [`https://1fichier.com/?${ID}&lg=en`, [`https://1fichier.com/?${ID}`]],
  [`https://1fichier.com/?${ID}&e=1&af=42&lg=fr`, [`https://1fichier.com/?${ID}`]],
  [`https://1fichier.com/?${ID}&amp;af=3`, [`https://1fichier.com/?${ID}`]],
  [`https://1fichier.com/?${ID}#top`, [`https://1fichier.com/?${ID}`]],
  [`https://1fichier.com/en/?${ID}`, [`https://1fichier.com/?${ID}`]],
  [`HTTPS://1FICHIER.COM/?${ID.toUpperCase()}`, [`https://1fichier.com/?${ID}`]],
  [`https://1fichier.com:443/?${ID}`, [`https://1fichier.com/?${ID}`]],
  [`1fichier.com/?${ID}`, [`https://1fichier.com/?${ID}`]],
  [`www.1fichier.com/?${ID}`, [`https://1fichier.com/?${ID}`]],
  [`https://1fichier.com/?abcde`, ['https://1fichier.com/?abcde']],
  [`Download: https://1fichier.com/?${ID}.`, [`https://1fichier.com/?${ID}`]],
  [`(see https://1fichier.com/?${ID})!`, [`https://1fichier.com/?${ID}`]],
  [`"https://1fichier.com/?${ID}",`, [`https://1fichier.com/?${ID}`]],
  [`<https://1fichier.com/?${ID}>`, [`https://1fichier.com/?${ID}`]],
  [`**https://1fichier.com/?${ID}**`, [`https://1fichier.com/?${ID}`]],
  [`[url=https://1fichier.com/?${ID}]Part 1[/url]`, [`https://1fichier.com/?${ID}`]],
  [`[url]https://1fichier.com/?${ID}[/url]`, [`https://1fichier.com/?${ID}`]],
  [`[url=https://1fichier.com/?${ID}]https://1fichier.com/?${ID}[/url]`, [`https://1fichier.com/?${ID}`]],
  [`[My file.rar](https://1fichier.com/?${ID})`, [`https://1fichier.com/?${ID}`]],
  [`<a href="https://1fichier.com/?${ID}">x</a>`, [`https://1fichier.com/?${ID}`]],
  [
    `https://1fichier.com/?aaaaa1 https://1fichier.com/?bbbbb2,https://1fichier.com/?ccccc3`,
    ['https://1fichier.com/?aaaaa1', 'https://1fichier.com/?bbbbb2', 'https://1fichier.com/?ccccc3'],
  ],
  [
    `https://1fichier.com/?aaaaa1|https://1fichier.com/?bbbbb2`,
    ['https://1fichier.com/?aaaaa1', 'https://1fichier.com/?bbbbb2'],
  ],
  [`blah blah\thttps://1fichier.com/?${ID}\tmore blah`, [`https://1fichier.com/?${ID}`]],
  [`https://alterupload.com/?${ID}`, [`https://alterupload.com/?${ID}`]],
  [`http://${ID}.dl4free.com/`, [`https://dl4free.com/?${ID}`]],
  [`https://www.megadl.fr/?${ID}&af=1`, [`https://megadl.fr/?${ID}`]],
  [
    `https://1fichier.com/?aaaaa1\r\nhttps://1fichier.com/?bbbbb2\rhttps://1fichier.com/?ccccc3`,
    ['https://1fichier.com/?aaaaa1', 'https://1fichier.com/?bbbbb2', 'https://1fichier.com/?ccccc3'],
  ],
]

describe('parseLinks: file link shapes', () => {
  it.each(FILE_SHAPES)('%s', (text, expected) => {
    const result = parseLinks(text)
    expect(result.files.map((file) => file.url)).toEqual(expected)
    expect(result.rejected).toEqual([])
    expect(result.duplicates).toEqual([])
    expect(result.folders).toEqual([])
  })

  it.each(FICHIER_DOMAINS.map((domain) => [domain]))('keeps the domain %s', (domain) => {
    for (const text of [
      `https://${domain}/?${ID}`,
      `http://${ID}.${domain}/`,
      `https://www.${domain}/?${ID}&af=9`,
    ]) {
      const { files } = parseLinks(text)
      expect(files).toEqual([{ url: `https://${domain}/?${ID}`, id: ID, domain }])
    }
  })
})

/** One line and the reason it must be rejected with. */
const REJECTIONS: Array<[string, RegExp]> = [
  ['https://1fichier.com/?abc', /id too short/],
  ['https://1fichier.com/?abcdefghijklmnopqrstu', /id too long/],
  ['https://1fichier.com/?abc-def12', /invalid characters in file id/],
  ['https://1fichier.com/', /missing file id/],
  ['https://1fichier.com/?', /missing file id/],
  ['https://1fichier.com/?lg=en', /missing file id/],
  ['go to 1fichier.com for more', /missing file id/],
  ['https://1fichier.com/console/index.pl', /not a file or folder link/],
  ['https://1fichier.com/dir/', /missing folder id/],
  ['https://1fichier.com/dir/ab_cd', /invalid characters in folder id/],
  ['https://a-4.1fichier.com/p1058755667', /direct download link/],
  ['https://api.1fichier.com/v1/file/ls.cgi', /not a public file link/],
  ['https://abcdefghijklmnopqrstuvw.1fichier.com/', /id too long/],
  ['https://1fichier.net/?abcdef1234', /not a 1fichier domain/],
  ['https://fake1fichier.com/?abcdef1234', /not a 1fichier domain/],
  ['https://1fichier.com.evil.example/?abcdef1234', /not a 1fichier domain/],
  ['https://example.com/file.zip', /not a 1fichier domain/],
  ['www.example.org/page', /not a 1fichier domain/],
  ['ftp://1fichier.com/?abcdef1234', /unsupported scheme/],
]

describe('parseLinks: rejections', () => {
  it.each(REJECTIONS)('%s', (line, reason) => {
    const result = parseLinks(`  ${line}  `)
    expect(result.files).toEqual([])
    expect(result.folders).toEqual([])
    expect(result.rejected).toHaveLength(1)
    expect(result.rejected[0]?.line).toBe(line)
    expect(result.rejected[0]?.reason).toMatch(reason)
  })

  it('ignores plain text without any URL, silently', () => {
    const text = [
      'Hello, here are the files!',
      '',
      'Part 1 of 3 — enjoy :)',
      'file.rar 1.2 GB',
      'contact: me@1fichier.com',
    ].join('\n')
    expect(parseLinks(text)).toEqual({ files: [], folders: [], duplicates: [], rejected: [] })
  })

  it('keeps the good links of a line and rejects its bad one', () => {
    const line = `https://1fichier.com/?abcdef1 https://1fichier.com/?abc`
    const result = parseLinks(line)
    expect(result.files.map((file) => file.id)).toEqual(['abcdef1'])
    expect(result.rejected).toEqual([
      { line, reason: expect.stringMatching(/id too short/) as unknown as string },
    ])
  })

  it('rejects an entry of a list without any link', () => {
    const result = parseLinks([{ url: 'not a link' }])
    expect(result.rejected).toEqual([{ line: 'not a link', reason: 'no 1fichier link found' }])
  })
})

describe('parseLinks: folders', () => {
  it.each([
    ['https://1fichier.com/dir/AbC123xy', 'https://1fichier.com/dir/AbC123xy', '1fichier.com'],
    ['http://www.1fichier.com/dir/AbC123xy/', 'https://1fichier.com/dir/AbC123xy', '1fichier.com'],
    ['https://1fichier.com/en/dir/AbC123xy?lg=en', 'https://1fichier.com/dir/AbC123xy', '1fichier.com'],
    [
      '[url=https://desfichiers.com/dir/Q9q9q9]folder[/url]',
      'https://desfichiers.com/dir/Q9q9q9',
      'desfichiers.com',
    ],
    ['tenvoi.com/dir/zz99', 'https://tenvoi.com/dir/zz99', 'tenvoi.com'],
  ])('%s', (text, url, domain) => {
    const result = parseLinks(text)
    expect(result.folders).toEqual([{ url, id: url.split('/dir/')[1], domain }])
    expect(result.files).toEqual([])
    expect(result.rejected).toEqual([])
  })
})

describe('parseLinks: passwords', () => {
  it.each([
    [`https://1fichier.com/?${ID} password: s3cret`, 's3cret'],
    [`https://1fichier.com/?${ID} Password:s3cret`, 's3cret'],
    [`https://1fichier.com/?${ID} | pass=s3cret`, 's3cret'],
    [`https://1fichier.com/?${ID} mdp: s3cret`, 's3cret'],
    [`https://1fichier.com/?${ID} - mot de passe : s3cret`, 's3cret'],
    [`https://1fichier.com/?${ID} (pwd: s3cr(e)t)`, 's3cr(e)t'],
    [`https://1fichier.com/?${ID} password: "with space"`, 'with space'],
    [`pass: s3cret https://1fichier.com/?${ID}`, 's3cret'],
    [`https://1fichier.com/?${ID}\nPassword: s3cret`, 's3cret'],
  ])('%s', (text, password) => {
    const { files } = parseLinks(text)
    expect(files).toEqual([{ url: `https://1fichier.com/?${ID}`, id: ID, domain: '1fichier.com', password }])
  })

  it('gives each link the password that follows it on the line', () => {
    const { files } = parseLinks(
      'https://1fichier.com/?aaaaa1 pass: one https://1fichier.com/?bbbbb2 pass: two https://1fichier.com/?ccccc3',
    )
    expect(files.map((file) => [file.id, file.password])).toEqual([
      ['aaaaa1', 'one'],
      ['bbbbb2', 'two'],
      ['ccccc3', undefined],
    ])
  })

  it('shares one trailing password among the links before it', () => {
    const { files } = parseLinks('https://1fichier.com/?aaaaa1 https://1fichier.com/?bbbbb2 password=both')
    expect(files.map((file) => file.password)).toEqual(['both', 'both'])
  })

  it('does not take a password line for links further up', () => {
    const { files } = parseLinks('https://1fichier.com/?aaaaa1\nsome text\npassword: x')
    expect(files[0]?.password).toBeUndefined()
  })

  it('does not read a password inside a URL', () => {
    const { files, rejected } = parseLinks('https://1fichier.com/?aaaaa1&pass=x')
    expect(files).toEqual([{ url: 'https://1fichier.com/?aaaaa1', id: 'aaaaa1', domain: '1fichier.com' }])
    expect(rejected).toEqual([])
  })

  it('takes the password of each entry of a list, unless the line has its own', () => {
    const { files } = parseLinks([
      { url: 'https://1fichier.com/?aaaaa1', password: 'p1' },
      { url: 'https://1fichier.com/?bbbbb2 pass: inline', password: 'p2' },
      { url: 'https://1fichier.com/?ccccc3' },
    ])
    expect(files.map((file) => file.password)).toEqual(['p1', 'inline', undefined])
  })
})

describe('parseLinks: duplicates', () => {
  it('drops the same id seen again in any shape and reports it', () => {
    const text = [
      'https://1fichier.com/?aaaaa1',
      'http://aaaaa1.1fichier.com/',
      'https://www.1fichier.com/?AAAAA1&af=5',
      'https://1fichier.com/?bbbbb2',
      'https://1fichier.com/dir/F1',
      'https://1fichier.com/dir/F1/',
    ].join('\n')
    const result = parseLinks(text)
    expect(result.files.map((file) => file.url)).toEqual([
      'https://1fichier.com/?aaaaa1',
      'https://1fichier.com/?bbbbb2',
    ])
    expect(result.folders.map((folder) => folder.url)).toEqual(['https://1fichier.com/dir/F1'])
    expect(result.duplicates).toEqual([
      'https://1fichier.com/?aaaaa1',
      'https://1fichier.com/?aaaaa1',
      'https://1fichier.com/dir/F1',
    ])
  })

  it('counts links already known as duplicates', () => {
    const result = parseLinks('https://1fichier.com/?aaaaa1\nhttps://1fichier.com/?bbbbb2', {
      known: new Set(['https://1fichier.com/?aaaaa1']),
    })
    expect(result.files.map((file) => file.id)).toEqual(['bbbbb2'])
    expect(result.duplicates).toEqual(['https://1fichier.com/?aaaaa1'])
  })

  it('keeps a password that only the repeated link carried', () => {
    const result = parseLinks('https://1fichier.com/?aaaaa1\nhttps://1fichier.com/?aaaaa1 pass: late')
    expect(result.files).toEqual([
      { url: 'https://1fichier.com/?aaaaa1', id: 'aaaaa1', domain: '1fichier.com', password: 'late' },
    ])
  })
})

describe('parseLinks: scale', () => {
  it('parses 10,000 links among junk', () => {
    const ids = Array.from({ length: 10_000 }, (_, index) => `f${index.toString(36).padStart(8, '0')}`)
    const text = ids
      .map((id, index) =>
        index % 3 === 0
          ? `[url=https://1fichier.com/?${id}&af=1]part ${index}[/url]`
          : `- http://${id}.1fichier.com/ (${index})`,
      )
      .join('\n')
    const result = parseLinks(`${text}\n${text.slice(0, 2000)}`)
    expect(result.files).toHaveLength(10_000)
    expect(result.files.map((file) => file.id)).toEqual(ids)
    expect(result.duplicates.length).toBeGreaterThan(0)
    expect(result.rejected.length).toBeLessThanOrEqual(1) // a line cut by the slice
  })
})

describe('domain helpers', () => {
  it('knows the 11 domains and their sub-domains', () => {
    expect(FICHIER_DOMAINS).toHaveLength(11)
    expect(isFichierDomain('1fichier.com')).toBe(true)
    expect(isFichierDomain('WWW.Pjointe.com')).toBe(true)
    expect(isFichierDomain('a-4.1fichier.com')).toBe(true)
    expect(isFichierDomain('x1fichier.com')).toBe(false)
    expect(isFichierDomain('1fichier.com.evil.example')).toBe(false)
    expect(canonicalFileUrl('cjoint.net', 'AbCdE1')).toBe('https://cjoint.net/?abcde1')
  })
})

describe('KnownLinks', () => {
  it('recognises a queued link in another shape or on another domain, and grows as links are taken', () => {
    const known = new KnownLinks(['https://1fichier.com/?abcdefghij0123456789', 'not a link'])
    expect(known.has('https://alterupload.com/?abcdefghij0123456789&af=1')).toBe(true)
    expect(known.has('not a link')).toBe(true)
    expect(known.has('https://1fichier.com/?zzzzzzzzzz0123456789')).toBe(false)

    const first = parseLinks('https://1fichier.com/?zzzzzzzzzz0123456789', { known })
    expect(first.files).toHaveLength(1)
    known.add(first.files[0]?.url ?? '')
    const again = parseLinks('https://desfichiers.com/?zzzzzzzzzz0123456789', { known })
    expect(again.files).toEqual([])
    expect(again.duplicates).toEqual(['https://desfichiers.com/?zzzzzzzzzz0123456789'])
  })
})
