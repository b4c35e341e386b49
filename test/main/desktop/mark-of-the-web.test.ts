import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  writeMarkOfTheWeb,
  zoneIdentifier,
} from '../../../src/main/core/transfers/local-files/mark-of-the-web'
import { isRunnableFile } from '../../../src/main/core/transfers/local-files/runnable-file'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fd-motw-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('the Mark-of-the-Web', () => {
  it('is the Zone.Identifier stream of the file: Internet zone, the 1fichier link as referrer and host', () => {
    const zone = zoneIdentifier('C:\\Users\\ada\\Downloads\\setup.exe', 'https://1fichier.com/?abc123')
    expect(zone.path).toBe('C:\\Users\\ada\\Downloads\\setup.exe:Zone.Identifier')
    expect(zone.content).toBe(
      '[ZoneTransfer]\r\nZoneId=3\r\nReferrerUrl=https://1fichier.com/?abc123\r\nHostUrl=https://1fichier.com/?abc123\r\n',
    )
  })

  it('keeps a link with line breaks on its own line', () => {
    const zone = zoneIdentifier('a.exe', 'https://1fichier.com/?x\r\nZoneId=0')
    expect(zone.content.split('\r\n')).toEqual([
      '[ZoneTransfer]',
      'ZoneId=3',
      'ReferrerUrl=https://1fichier.com/?xZoneId=0',
      'HostUrl=https://1fichier.com/?xZoneId=0',
      '',
    ])
  })

  it('is written on Windows (the stream; on other systems the same name reaches a plain file) and nowhere else', async () => {
    const file = join(dir, 'setup.exe')
    await writeFile(file, 'MZ')
    expect(await writeMarkOfTheWeb(file, 'https://1fichier.com/?abc', 'linux')).toBe(false)
    expect(await writeMarkOfTheWeb(file, 'https://1fichier.com/?abc', 'darwin')).toBe(false)
    expect(await readdir(dir)).toEqual(['setup.exe'])

    expect(await writeMarkOfTheWeb(file, 'https://1fichier.com/?abc', 'win32')).toBe(true)
    expect(await readFile(`${file}:Zone.Identifier`, 'utf8')).toContain('ZoneId=3\r\n')
    expect(await readFile(file, 'utf8')).toBe('MZ')
  })

  it('is not written where the file system refuses it, and says so', async () => {
    expect(await writeMarkOfTheWeb(join(dir, 'missing', 'x.exe'), 'https://1fichier.com/?a', 'win32')).toBe(
      false,
    )
  })
})

describe('files that run code when opened', () => {
  it('covers the programs and scripts of Windows, macOS and Linux, whatever the case', () => {
    for (const name of [
      'setup.exe',
      'a.MSI',
      'x.bat',
      'x.cmd',
      'x.ps1',
      'x.vbs',
      'x.js',
      'x.jar',
      'x.scr',
      'x.com',
      'x.lnk',
      'x.app',
      'x.command',
      'x.pkg',
      'x.dmg',
      'x.sh',
      'x.desktop',
      'Tool.AppImage',
    ]) {
      expect(isRunnableFile(name), name).toBe(true)
    }
    for (const name of ['photo.jpg', 'notes.txt', 'movie.mkv', 'archive.zip', 'README', 'exe']) {
      expect(isRunnableFile(name), name).toBe(false)
    }
  })
})
