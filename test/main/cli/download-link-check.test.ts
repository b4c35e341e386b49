import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DownloadOutput } from '../../../src/main/cli/json-output'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { runCli } from './cli-process'

const KEY = 'DlCheckKeyDlCheckKeyDlCheckKey01'

let emulator: RunningEmulator
let work: string

beforeAll(async () => {
  // The emulator's default limits, as a cron job meets them.
  emulator = await startEmulator({ keys: [{ key: KEY, tier: 'premium' }] })
  work = await mkdtemp(join(tmpdir(), 'fd-cli-check-'))
})

afterAll(async () => {
  await emulator.stop()
  await rm(work, { recursive: true, force: true })
})

describe('fichier download checks its links first', () => {
  it('checks every link in one request, names each file before it starts, and reports a dead link', async () => {
    const live = await emulator.control.createFile({ key: KEY, name: 'notes.txt', content: 'still here\n' })
    const gone = 'https://1fichier.com/?zzzzzzzzzzzzzzzzzzzz'
    const out = join(work, 'out')
    const before = emulator.control.stats().requests
    const run = await runCli(
      ['download', live.url, gone, '--out', out, '--json', '--no-verify', '--state-dir', join(work, 'state')],
      { env: { FICHIER_API_URL: emulator.apiUrl, FICHIER_API_KEY: KEY } },
    )
    expect(run.code, run.stderr).toBe(1)
    const result = DownloadOutput.parse(JSON.parse(run.stdout))
    expect(result.items.map((item) => [item.link, item.name, item.status])).toEqual([
      [live.url, 'notes.txt', 'completed'],
      [gone, gone, 'failed'],
    ])
    expect(result.items[1]?.error?.code).toBe('NOT_FOUND')
    expect(result.failed).toBe(1)
    expect(await readdir(out)).toEqual(['notes.txt'])
    const after = emulator.control.stats().requests
    // One link check for both links, whatever their number up to 100.
    expect((after['/check_links.pl'] ?? 0) - (before['/check_links.pl'] ?? 0)).toBe(1)
  }, 60_000)
})

describe('the speed schedule of the state folder', () => {
  it('applies with --schedule only, and the command says so', async () => {
    const file = await emulator.control.createFile({ key: KEY, name: 'scheduled.txt', content: 'at night\n' })
    const state = join(work, 'state-schedule')
    await mkdir(join(state, 'settings'), { recursive: true })
    await writeFile(
      join(state, 'settings', 'settings.json'),
      JSON.stringify({ version: 2, altSpeedMode: 'on', altDownloadLimit: 64 * 1024 }),
    )
    const env = { FICHIER_API_URL: emulator.apiUrl, FICHIER_API_KEY: KEY }
    const base = ['download', file.url, '--no-verify', '--state-dir', state]
    const plain = await runCli([...base, '--out', join(work, 'plain')], { env })
    expect(plain.code, plain.stderr).toBe(0)
    expect(plain.stderr).not.toContain('alternative speed limits')
    const scheduled = await runCli([...base, '--out', join(work, 'scheduled'), '--schedule'], { env })
    expect(scheduled.code, scheduled.stderr).toBe(0)
    expect(scheduled.stderr).toContain('alternative speed limits in force (schedule): downloads at 64.0 KB/s')
  }, 60_000)
})

describe('--verbose', () => {
  // One user's commands share one API budget for the key, as on any machine.
  const verboseEnv = () => ({
    FICHIER_API_URL: emulator.apiUrl,
    FICHIER_API_KEY: KEY,
    FICHIER_DESK_KEYS_DIR: join(work, 'keys-verbose'),
  })

  it('shows each API call with its outcome and time, never the key', async () => {
    const env = verboseEnv()
    const run = await runCli(['ls', '/', '-v', '--state-dir', join(work, 'state-verbose')], { env })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toMatch(/^api: folder\/ls\.cgi ok in \d+ ms$/m)
    expect(run.stderr + run.stdout).not.toContain(KEY)
  }, 60_000)

  it('shows the checks of an upload’s report too', async () => {
    const env = verboseEnv()
    const source = join(work, 'verbose-upload.txt')
    await writeFile(source, 'reported\n')
    const run = await runCli(['upload', source, '-v', '--state-dir', join(work, 'state-verbose-up')], { env })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toMatch(/^api: end\.pl ok in \d+ ms$/m)
  }, 60_000)
})
