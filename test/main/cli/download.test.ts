import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DownloadOutput, UploadOutput } from '../../../src/main/cli/json-output'
import { startEmulator, syntheticBytes, type RunningEmulator } from '../../emulator/index'
import { runCli } from './cli-process'

const KEY = 'DlCliKeyDlCliKeyDlCliKeyDlCliK01'
const FREE_KEY = 'DlCliFreeDlCliFreeDlCliFreeDl001'
const MiB = 1024 * 1024

let emulator: RunningEmulator
let work: string

beforeAll(async () => {
  emulator = await startEmulator({
    rateLimits: false,
    keys: [
      { key: KEY, tier: 'premium' },
      { key: FREE_KEY, tier: 'free', email: 'free@example.com' },
    ],
  })
  work = await mkdtemp(join(tmpdir(), 'fd-cli-dl-'))
})

afterAll(async () => {
  await emulator.stop()
  await rm(work, { recursive: true, force: true })
})

describe('fichier download', () => {
  it('downloads a list of file and folder links byte for byte and reports them as JSON', async () => {
    const big = await emulator.control.createFile({
      key: KEY,
      name: 'big.bin',
      synthetic: { size: 6 * MiB + 7, seed: 11 },
    })
    const text = await emulator.control.createFile({ key: KEY, name: 'readme.txt', content: 'read me\n' })
    const album = emulator.control.createFolder({ key: KEY, name: 'album' })
    const tracks = await Promise.all(
      [1, 2, 3].map((n) =>
        emulator.control.createFile({
          key: KEY,
          folderId: album.id,
          name: `track-${n}.bin`,
          synthetic: { size: n * 300_000, seed: 20 + n },
        }),
      ),
    )
    const share = emulator.control.shareFolder({ key: KEY, folderId: album.id })
    const list = `Links from the forum:\n  ${big.url} (6 MB)\nalbum: ${share.url}\n\nthanks!\n`
    const out = join(work, 'out')

    const run = await runCli(
      [
        'download',
        text.url,
        '--from-file',
        '-',
        '--out',
        out,
        '--jobs',
        '2',
        '--connections',
        '3',
        '--limit',
        '500M',
        '--json',
        '--state-dir',
        join(work, 'state'),
      ],
      { env: { FICHIER_API_URL: emulator.apiUrl, FICHIER_API_KEY: KEY }, stdin: list },
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const result = DownloadOutput.parse(JSON.parse(run.stdout))
    expect(result.dir).toBe(out)
    expect(result.failed).toBe(0)
    expect(result.items.map((item) => [item.name, item.status, item.path]).sort()).toEqual(
      ['big.bin', 'readme.txt', 'track-1.bin', 'track-2.bin', 'track-3.bin'].map((name) => [
        name,
        'completed',
        join(out, name),
      ]),
    )
    expect((await readdir(out)).sort()).toEqual([
      'big.bin',
      'readme.txt',
      'track-1.bin',
      'track-2.bin',
      'track-3.bin',
    ])
    expect((await readFile(join(out, 'big.bin'))).equals(syntheticBytes(11, 6 * MiB + 7))).toBe(true)
    expect(await readFile(join(out, 'readme.txt'), 'utf8')).toBe('read me\n')
    for (const [index, track] of tracks.entries()) {
      expect(
        (await readFile(join(out, `track-${index + 1}.bin`))).equals(syntheticBytes(track.seed!, track.size)),
      ).toBe(true)
    }
  }, 60_000)

  it('finishes with the default 4 connections when the account allows only 1', async () => {
    const file = await emulator.control.createFile({
      key: KEY,
      name: 'one-at-a-time.bin',
      synthetic: { size: 12 * MiB + 3, seed: 31 },
    })
    emulator.control.setMaxConnections(1)
    // Slow enough that the extra connections are asked for while the first one runs.
    emulator.control.setSpeedCap(16 * MiB)
    emulator.control.resetStats()
    const out = join(work, 'capped')
    try {
      const run = await runCli(
        ['download', file.url, '--out', out, '--state-dir', join(work, 'state-capped')],
        {
          env: { FICHIER_API_URL: emulator.apiUrl, FICHIER_API_KEY: KEY },
        },
      )
      expect(run.code).toBe(0)
      expect(run.stderr).not.toMatch(/NODE_REFUSED|failed/)
      expect((await readFile(join(out, 'one-at-a-time.bin'))).equals(syntheticBytes(31, 12 * MiB + 3))).toBe(
        true,
      )
      expect(emulator.control.stats().refusedConnections).toBeGreaterThan(0)
    } finally {
      emulator.control.setMaxConnections(30)
      emulator.control.reset()
    }
  }, 60_000)

  it('waits while 1fichier processes a fresh upload, and says so', async () => {
    const source = join(work, 'fresh.txt')
    await writeFile(source, 'fresh from the upload\n')
    const env = { FICHIER_API_URL: emulator.apiUrl, FICHIER_API_KEY: KEY }
    const state = join(work, 'state-fresh')
    // Longer than the default, so that it outlasts the start of the next command.
    emulator.control.setSwitches({ freshUploadDelayMs: 12_000 })
    const upload = await runCli(['upload', source, '--json', '--state-dir', state], { env })
    expect(upload.code).toBe(0)
    const link = UploadOutput.parse(JSON.parse(upload.stdout)).items[0]?.link
    expect(link).toBeTruthy()
    const out = join(work, 'fresh-out')
    const run = await runCli(['download', link!, '--out', out, '--state-dir', state], { env })
    expect(run.code).toBe(0)
    // The link check already gave the file's name: the line names the file.
    expect(run.stderr).toContain('waiting  fresh.txt: 1fichier is still processing this file')
    expect(await readFile(join(out, 'fresh.txt'), 'utf8')).toBe('fresh from the upload\n')
    emulator.control.setSwitches({ freshUploadDelayMs: 3000 })
  }, 60_000)

  it('tells a free account that downloads need Premium, while its uploads work', async () => {
    const file = await emulator.control.createFile({ key: KEY, name: 'wanted.bin', content: 'w' })
    const env = { FICHIER_API_URL: emulator.apiUrl, FICHIER_API_KEY: FREE_KEY }
    const state = join(work, 'state-free')
    const download = await runCli(
      ['download', file.url, '--out', join(work, 'free-out'), '--state-dir', state],
      {
        env,
      },
    )
    expect(download.code).toBe(1)
    expect(download.stderr).toMatch(/NEEDS_PREMIUM .*Premium or Access account/)
    const source = join(work, 'free-upload.txt')
    await writeFile(source, 'free accounts upload\n')
    const upload = await runCli(['upload', source, '--json', '--state-dir', state], { env })
    expect(upload.code).toBe(0)
    expect(UploadOutput.parse(JSON.parse(upload.stdout)).items[0]?.status).toBe('completed')
  }, 60_000)
})
