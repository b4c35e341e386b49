import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseLaunchArgs } from '../../../src/main/app/launch-args'
import { loginItemSettings } from '../../../src/main/app/login-item'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { createTestService } from '../../helpers/test-service'
import { allFinished, waitForTransfers } from '../../helpers/wait-for-transfers'

const KEY = 'LaunchKeyLaunchKeyLaunchKeyLau01'

describe('links on the command line', () => {
  it('finds the 1fichier links among the executable, the app path and Chromium switches', () => {
    const argv = [
      '/opt/Fichier Desk/fichier-desk',
      '--no-sandbox',
      '--user-data-dir=/tmp/profile',
      'https://1fichier.com/?abcdef1234',
      'https://1fichier.com/dir/AbCdEf12',
      'https://example.com/?abcdef1234',
      'notes.txt',
    ]
    expect(parseLaunchArgs(argv)).toEqual({
      linksText: 'https://1fichier.com/?abcdef1234\nhttps://1fichier.com/dir/AbCdEf12',
      hidden: false,
      apiUrl: null,
    })
  })

  it('accepts every link shape the paste parser does (other domains, old style, query noise)', () => {
    const argv = [
      'electron',
      'out/main/index.js',
      'https://alterupload.com/?xyz987abc&af=1',
      'http://abcde12345.1fichier.com/',
      'www.desfichiers.com/?q1w2e3r4t5',
    ]
    expect(parseLaunchArgs(argv).linksText?.split('\n')).toEqual([
      'https://alterupload.com/?xyz987abc&af=1',
      'http://abcde12345.1fichier.com/',
      'www.desfichiers.com/?q1w2e3r4t5',
    ])
  })

  it('answers no links for a plain launch or a second launch without links', () => {
    expect(parseLaunchArgs(['/usr/bin/fichier-desk'])).toEqual({
      linksText: null,
      hidden: false,
      apiUrl: null,
    })
    expect(parseLaunchArgs(['electron', '.', '--allow-file-access-from-files', '--hidden'])).toEqual({
      linksText: null,
      hidden: true,
      apiUrl: null,
    })
  })

  it('reads the API base of this run from --api-url=URL', () => {
    expect(parseLaunchArgs(['fichier-desk', '--api-url=http://127.0.0.1:8787/v1']).apiUrl).toBe(
      'http://127.0.0.1:8787/v1',
    )
  })

  it('ignores a link-looking switch value and an invalid 1fichier id', () => {
    expect(
      parseLaunchArgs(['--open=https://1fichier.com/?abcdef1234', 'https://1fichier.com/?ab']).linksText,
    ).toBeNull()
  })

  it('registers the login item hidden (with --hidden) when the app starts minimized', () => {
    expect(loginItemSettings({ startAtLogin: true, startMinimized: true })).toEqual({
      openAtLogin: true,
      openAsHidden: true,
      args: ['--hidden'],
    })
    expect(loginItemSettings({ startAtLogin: false, startMinimized: false })).toEqual({
      openAtLogin: false,
      openAsHidden: false,
      args: [],
    })
    expect(
      parseLaunchArgs([
        'fichier-desk',
        ...loginItemSettings({ startAtLogin: true, startMinimized: true }).args,
      ]).hidden,
    ).toBe(true)
  })
})

describe('links forwarded from a second launch, added through transfers:add', () => {
  let emulator: RunningEmulator
  let home: string

  beforeAll(async () => {
    emulator = await startEmulator({
      rateLimits: false,
      keys: [{ key: KEY, tier: 'premium', email: 'launch@example.com' }],
    })
    home = await mkdtemp(join(tmpdir(), 'fd-launch-'))
  })

  afterAll(async () => {
    await emulator.stop()
    await rm(home, { recursive: true, force: true })
  })

  it('downloads the files named on the command line', async () => {
    const a = await emulator.control.createFile({ key: KEY, name: 'from-argv.txt', content: 'first file' })
    const b = await emulator.control.createFile({ key: KEY, name: 'second.txt', content: 'second file' })
    const service = await createTestService({
      apiUrl: emulator.apiUrl,
      key: KEY,
      dataDir: join(home, 'data'),
    })
    try {
      const { linksText } = parseLaunchArgs([
        '/usr/bin/fichier-desk',
        '--hidden',
        a.url,
        `${b.url}&af=99`,
        a.url,
      ])
      if (!linksText) throw new Error('no links found')
      const added = await service.bridge.invoke('transfers:add', { kind: 'download', text: linksText })
      expect(added.ok && added.value.addedIds).toHaveLength(2)
      const items = await waitForTransfers(service.bridge, (list) => list.length === 2 && allFinished(list))
      expect(items.map((item) => item.status)).toEqual(['completed', 'completed'])
      expect(await readFile(join(service.downloadsDir, 'from-argv.txt'), 'utf8')).toBe('first file')
      expect(await readFile(join(service.downloadsDir, 'second.txt'), 'utf8')).toBe('second file')
    } finally {
      await service.close()
    }
  })
})
