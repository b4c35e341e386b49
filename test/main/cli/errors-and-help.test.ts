import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable, Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COMMANDS } from '../../../src/main/cli/commands/index'
import { CliErrorOutput, LsOutput } from '../../../src/main/cli/json-output'
import { runCli as runCliInProcess } from '../../../src/main/cli/run-cli'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { runCli, type CliRun } from './cli-process'

const KEY = 'ErCliKeyErCliKeyErCliKeyErCliK01'
const WRONG = 'WrongKeyWrongKeyWrongKeyWrongK01'

let emulator: RunningEmulator
let work: string

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
  work = await mkdtemp(join(tmpdir(), 'fd-cli-errors-'))
})

afterAll(async () => {
  await emulator.stop()
  await rm(work, { recursive: true, force: true })
})

/** Runs a command line in this process, through the same entry as the `fichier` process (for quick checks). */
async function runInProcess(args: readonly string[]): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        append(chunk.toString())
        done()
      },
    })
  const code = await runCliInProcess(
    args,
    {
      stdout: sink((text) => (stdout += text)),
      stderr: sink((text) => (stderr += text)),
      stdin: Readable.from([]),
      env: {},
      cwd: work,
    },
    new AbortController().signal,
  )
  return { code, signal: null, stdout, stderr }
}

describe('fichier keys', () => {
  it('exits 3 with a clear message when 1fichier refuses the key, for API calls and for transfers', async () => {
    const file = await emulator.control.createFile({ key: KEY, name: 'a.bin', size: 1000 })
    const env = { FICHIER_API_URL: emulator.apiUrl, FICHIER_API_KEY: WRONG }
    const [ls, download] = await Promise.all([
      runCli(['ls', '--json', '--state-dir', join(work, 'state-wrong-1')], { env }),
      runCli(['download', file.url, '--out', join(work, 'out'), '--state-dir', join(work, 'state-wrong-2')], {
        env,
      }),
    ])
    for (const run of [ls, download]) {
      expect(run.code).toBe(3)
      expect(run.stderr).toMatch(/^error AUTH_INVALID_KEY: 1fichier refused the API key/m)
    }
    expect(CliErrorOutput.parse(JSON.parse(ls.stdout))).toEqual({
      error: { code: 'AUTH_INVALID_KEY', message: expect.stringContaining('refused the API key') },
      exitCode: 3,
    })
  }, 60_000)

  it('refuses a key file that others can read (exit 3) and uses it once it is private', async () => {
    const keyFile = join(work, 'key.txt')
    await writeFile(keyFile, `${KEY}\n`)
    await chmod(keyFile, 0o644)
    const env = { FICHIER_API_URL: emulator.apiUrl }
    const args = ['ls', '--json', '--key-file', keyFile, '--state-dir', join(work, 'state-keyfile')]
    const [unsafe, missing] = await Promise.all([
      runCli(args, { env }),
      runCli(['ls', '--state-dir', join(work, 'state-nokey')], { env }),
    ])
    expect(unsafe.code).toBe(3)
    expect(unsafe.stderr).toContain('error KEY_FILE_UNSAFE:')
    expect(unsafe.stderr).toContain(`chmod 600 ${keyFile}`)
    expect(missing.code).toBe(3)
    expect(missing.stderr).toMatch(/^error NO_KEY: .*FICHIER_API_KEY.*--key-file/m)

    await chmod(keyFile, 0o600)
    const safe = await runCli(args, { env })
    expect(safe.code).toBe(0)
    expect(LsOutput.parse(JSON.parse(safe.stdout)).path).toBe('/')
  }, 60_000)
})

describe('fichier command line', () => {
  it('explains every command with --help', async () => {
    const [main, upload] = await Promise.all([runCli(['--help']), runCli(['upload', '--help'])])
    expect(main.code).toBe(0)
    for (const command of COMMANDS) expect(main.stdout).toContain(`  ${command.name} `)
    expect(main.stdout).toContain('Exit codes:')
    expect(upload.code).toBe(0)
    expect(upload.stdout.startsWith('Usage: fichier upload <paths…>')).toBe(true)
    for (const command of COMMANDS) {
      const run = await runInProcess([command.name, '--help'])
      expect(run.code, command.name).toBe(0)
      expect(run.stdout.startsWith(`Usage: fichier ${command.name}`), command.name).toBe(true)
      expect(run.stdout).toContain('--json')
      expect(run.stderr).toBe('')
    }
  }, 60_000)

  it('exits 2 with a USAGE error for a wrong command line, before touching the key', async () => {
    const [none, unknown] = await Promise.all([runCli([]), runCli(['frobnicate', '--json'])])
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('Usage: fichier <command>')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/^error USAGE: Unknown command "frobnicate"/m)
    expect(CliErrorOutput.parse(JSON.parse(unknown.stdout)).exitCode).toBe(2)

    const lines = [
      ['ls', '--bogus'],
      ['upload'],
      ['upload', 'x', '--to', '/a', '--folder-id', '3'],
      ['upload', 'x', '--password', 'short'],
      ['download', 'https://1fichier.com/?abc', '--limit', '40Q'],
      ['download', 'https://1fichier.com/?abc', '--jobs', '0'],
      ['download', 'https://1fichier.com/?abc', '--conflict', 'maybe'],
      ['download'],
      ['rename', '/a'],
      ['mkdir', '/'],
    ]
    for (const line of lines) {
      const run = await runInProcess(line)
      expect(run.code, line.join(' ')).toBe(2)
      expect(run.stdout).toBe('')
      expect(run.stderr).toMatch(/^error USAGE: /)
    }
    expect((await runInProcess(['download', 'x', '--limit', '40Q'])).stderr).toContain('40Q')
  }, 60_000)
})

describe('fichier and flood locks', () => {
  it('exits 4 on a flood lock, and remembers it: the next run does not call 1fichier before the lock ends', async () => {
    // Both runs find the key's budget (where the pause is kept) in the same per-user folder.
    const env = {
      FICHIER_API_URL: emulator.apiUrl,
      FICHIER_API_KEY: KEY,
      FICHIER_DESK_KEYS_DIR: join(work, 'keys-flood'),
    }
    const args = ['ls', '--state-dir', join(work, 'state-flood')]
    emulator.control.floodLockNow(120_000)
    const locked = await runCli(args, { env })
    expect(locked.code).toBe(4)
    expect(locked.stderr).toMatch(/^error FLOOD_LOCKED: .*--wait-on-lock/m)

    emulator.control.resetStats()
    const again = await runCli([...args, '--json'], { env })
    expect(again.code).toBe(4)
    expect(CliErrorOutput.parse(JSON.parse(again.stdout)).error.code).toBe('FLOOD_LOCKED')
    expect(emulator.control.stats().requests).toEqual({})
  }, 60_000)
})
