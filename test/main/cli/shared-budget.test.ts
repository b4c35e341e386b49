// Several `fichier` processes using one key share one API budget (pace, listing clock, flood
// pause, account details, folder paths), against the emulator with its default rate limits.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { LsOutput } from '../../../src/main/cli/json-output'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { runCli } from './cli-process'

const KEY = 'BudgetKeyBudgetKeyBudgetKey00001'

let emulator: RunningEmulator
let work: string
let home: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'fd-cli-budget-'))
})

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

afterEach(async () => {
  await emulator.stop()
})

async function freshEmulator(): Promise<void> {
  // Default limits: 2 calls/s sustained, one listing per folder per 30 s, user/info once per 5 min.
  emulator = await startEmulator({ keys: [{ key: KEY, tier: 'premium' }] })
  home = await mkdtemp(join(work, 'home-'))
}

/** Like a user's shell: default state folders under XDG_STATE_HOME, nothing overridden. */
const env = () => ({
  FICHIER_API_URL: emulator.apiUrl,
  FICHIER_API_KEY: KEY,
  XDG_STATE_HOME: home,
  FICHIER_DESK_KEYS_DIR: undefined,
})

const requests = (path: string): number => emulator.control.stats().requests[path] ?? 0

describe('one API budget per key across fichier processes', () => {
  it('upload a tree, then ls it recursively in a second process: exit 0, every file, no flood lock', async () => {
    await freshEmulator()
    const tree = join(work, 'tree')
    await mkdir(join(tree, 'sub', 'deeper'), { recursive: true })
    await writeFile(join(tree, 'a.txt'), 'a')
    await writeFile(join(tree, 'sub', 'b.txt'), 'bb')
    await writeFile(join(tree, 'sub', 'deeper', 'c.txt'), 'ccc')
    emulator.control.createFolder({ key: KEY, name: 'other' })

    const upload = await runCli(['upload', tree, '--to', '/backup', '--json'], { env: env() })
    expect(upload.code, upload.stderr).toBe(0)
    const ls = await runCli(['ls', '/backup', '--recursive', '--json'], { env: env() })
    expect(ls.code, ls.stderr).toBe(0)
    const listed = LsOutput.parse(JSON.parse(ls.stdout))
    expect(
      listed.entries
        .filter((entry) => entry.type === 'file')
        .map((entry) => entry.path)
        .sort(),
    ).toEqual(['/backup/tree/a.txt', '/backup/tree/sub/b.txt', '/backup/tree/sub/deeper/c.txt'])
    const stats = emulator.control.stats()
    expect(stats.floodLocks).toBe(0)
    expect(stats.rateLimited).toBe(0)
  }, 120_000)

  it('two processes listing the same folder at once send one listing per 30 s between them', async () => {
    await freshEmulator()
    emulator.control.createFolder({ key: KEY, name: 'photos' })
    // Two state folders, so that the commands run side by side; one key budget (the user's).
    const lsRoot = (state: string) =>
      runCli(['ls', '/', '--json', '--state-dir', join(home, state)], { env: env() })
    const [first, second] = await Promise.all([lsRoot('one'), lsRoot('two')])
    expect(first.code, first.stderr).toBe(0)
    expect(second.code, second.stderr).toBe(0)
    for (const run of [first, second]) {
      expect(LsOutput.parse(JSON.parse(run.stdout)).entries.map((entry) => entry.path)).toEqual(['/photos'])
    }
    // One of them waited for the folder's interval, and said so.
    const waited = [first, second].filter((run) =>
      /waiting \d+ s: 1fichier allows one listing of a folder every 30 s/.test(run.stderr),
    )
    expect(waited).toHaveLength(1)
    // The emulator refuses a listing sent within 30 s of the previous one: none was refused.
    expect(requests('/v1/folder/ls.cgi')).toBe(2)
    expect(emulator.control.stats().rateLimited).toBe(0)
    expect(emulator.control.stats().floodLocks).toBe(0)
  }, 120_000)

  it('a second `fichier account` answers from the shared details and says how old they are', async () => {
    await freshEmulator()
    const first = await runCli(['account'], { env: env() })
    expect(first.code, first.stderr).toBe(0)
    expect(first.stdout).toContain('offer')
    const second = await runCli(['account', '--json'], { env: env() })
    expect(second.code, second.stderr).toBe(0)
    expect(second.stderr).toMatch(/as read from 1fichier less than a minute ago/)
    expect(JSON.parse(second.stdout)).toMatchObject({ command: 'account' })
    expect(requests('/v1/user/info.cgi')).toBe(1)
    expect(emulator.control.stats().rateLimited).toBe(0)
  }, 60_000)

  it('`ls /a; ls /b; ls /c` in a row list the root once', async () => {
    await freshEmulator()
    for (const name of ['a', 'b', 'c']) emulator.control.createFolder({ key: KEY, name })
    for (const name of ['a', 'b', 'c']) {
      const run = await runCli(['ls', `/${name}`, '--json'], { env: env() })
      expect(run.code, run.stderr).toBe(0)
      expect(run.stderr).toBe('')
    }
    // The root once, then each of the three folders.
    expect(requests('/v1/folder/ls.cgi')).toBe(4)
    expect(emulator.control.stats().rateLimited).toBe(0)
  }, 60_000)
})
