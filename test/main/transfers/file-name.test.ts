import { mkdtemp, rm, writeFile, access } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, dirname } from 'node:path'
import { describe, expect, it } from 'vitest'
import { freeName, pathInside, safeFileName } from '../../../src/main/core/transfers/file-name'

describe('safeFileName', () => {
  it.each([
    ['../../x', '_.._x'],
    ['a/b\\c.txt', 'a_b_c.txt'],
    ['CON.txt', 'CON_.txt'],
    ['nul', 'nul_'],
    ['bad\u0000name.bin', 'bad_name.bin'],
    ['trailing dots...', 'trailing dots'],
    ['..', 'download'],
    ['', 'download'],
    ['  spaced.mkv', 'spaced.mkv'],
    ['e\u0301ve\u0301nement.txt', 'événement.txt'],
    ['right\u202eto-left.exe', 'right_to-left.exe'],
    ['say "hi".txt', "say 'hi'.txt"],
    ['line\nbreak.txt', 'line break.txt'],
    ['cr\r\n\tlf.txt', 'cr lf.txt'],
    ['back\\slash.txt', 'back_slash.txt'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected)
  })

  it('keeps names within 230 UTF-8 bytes and keeps the extension', () => {
    const long = `${'é'.repeat(300)}.tar.gz`
    const safe = safeFileName(long)
    expect(new TextEncoder().encode(safe).length).toBeLessThanOrEqual(230)
    expect(safe.endsWith('.gz')).toBe(true)
    expect(safeFileName('x'.repeat(300))).toHaveLength(230)
  })
})

describe('freeName and pathInside', () => {
  it('numbers names already taken on disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fd-name-'))
    try {
      await writeFile(join(dir, 'report.pdf'), 'a')
      await writeFile(join(dir, 'report (1).pdf'), 'b')
      const exists = (name: string) =>
        access(join(dir, name)).then(
          () => true,
          () => false,
        )
      expect(await freeName('report.pdf', exists)).toBe('report (2).pdf')
      expect(await freeName('new.pdf', exists)).toBe('new.pdf')
      await writeFile(join(dir, 'README'), 'c')
      expect(await freeName('README', exists)).toBe('README (1)')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('never lets a name leave the folder', () => {
    const folder = join(tmpdir(), 'target')
    expect(dirname(pathInside(folder, 'ok.txt'))).toBe(folder)
    for (const evil of ['../x', '..', '', 'a/../../b', '/etc/passwd', 'sub/file']) {
      expect(() => pathInside(folder, evil)).toThrow(/leaves the target folder/)
    }
    for (const evil of ['../../x', '..', '/etc/passwd', 'a/../../b']) {
      expect(dirname(pathInside(folder, safeFileName(evil)))).toBe(folder)
    }
  })
})
