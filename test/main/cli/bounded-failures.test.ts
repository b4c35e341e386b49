// Every failure ends the command in bounded time, with a message that names the path or setting
// and says the cause in words, one JSON document with --json, and a documented exit code.
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CliErrorOutput, DownloadOutput } from '../../../src/main/cli/json-output'
import { startEmulator, syntheticBytes, type RunningEmulator } from '../../emulator/index'
import { runCli, startCli } from './cli-process'

const KEY = 'BoundKeyBoundKeyBoundKeyBoundK01'
const MiB = 1024 * 1024

let emulator: RunningEmulator
let work: string
let env: Record<string, string>
let link: string

/** Mounts a small tmpfs at `dir` (root only); answers false, with the reason printed, where it cannot. */
function mountTmpfs(dir: string, options: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'pipe' })
    return true
  } catch (error) {
    console.warn(`skipped: cannot mount a tmpfs here (${(error as Error).message.split('\n')[0]})`)
    return false
  }
}

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
  work = await mkdtemp(join(tmpdir(), 'fd-cli-bound-'))
  env = { FICHIER_API_URL: emulator.apiUrl, FICHIER_API_KEY: KEY }
  link = (await emulator.control.createFile({ key: KEY, name: 'small.txt', content: 'small\n' })).url
})

afterAll(async () => {
  await emulator.stop()
  await rm(work, { recursive: true, force: true })
})

async function expectError(args: string[], code: string, exitCode: number, words: RegExp, extraEnv = {}) {
  const run = await runCli([...args, '--json'], { env: { ...env, ...extraEnv } })
  expect(run.code).toBe(exitCode)
  const result = CliErrorOutput.parse(JSON.parse(run.stdout))
  expect(result.error.code).toBe(code)
  expect(result.error.message).toMatch(words)
  expect(run.stderr).not.toMatch(/\n\s+at /)
  return result
}

describe('bad places and settings', () => {
  it('ends at once when --out cannot be created (/proc/nope)', async () => {
    await expectError(
      ['download', link, '--out', '/proc/nope', '--state-dir', join(work, 's')],
      'LOCAL_FOLDER',
      5,
      /\/proc\/nope.*\/proc does not take new folders/,
    )
  }, 60_000)

  it('says when --out is a file, or under a file', async () => {
    await writeFile(join(work, 'afile'), 'x')
    await expectError(
      ['download', link, '--out', join(work, 'afile'), '--state-dir', join(work, 's')],
      'LOCAL_FOLDER',
      5,
      /afile.* is a file, not a folder/,
    )
    await expectError(
      ['download', link, '--out', join(work, 'afile', 'sub'), '--state-dir', join(work, 's')],
      'LOCAL_FOLDER',
      5,
      /afile\/sub.*a file, not a folder/,
    )
  }, 60_000)

  it('says when --out is on a read-only file system', async () => {
    const ro = join(work, 'ro')
    await mkdir(ro)
    if (!mountTmpfs(ro, 'size=1m,ro')) return
    try {
      await expectError(
        ['download', link, '--out', join(ro, 'sub'), '--state-dir', join(work, 's')],
        'LOCAL_FOLDER',
        5,
        /ro\/sub: the file system is read-only/,
      )
    } finally {
      execFileSync('umount', [ro])
    }
  }, 60_000)

  it('names FICHIER_API_URL when it is not a URL', async () => {
    await expectError(
      ['ls', '/', '--state-dir', join(work, 's')],
      'BAD_SETTING',
      5,
      /^FICHIER_API_URL .*"garbage"/,
      {
        FICHIER_API_URL: 'garbage',
      },
    )
  }, 60_000)

  it('says that an empty new name is empty', async () => {
    await expectError(
      ['rename', '/a.txt', '', '--state-dir', join(work, 's')],
      'USAGE',
      2,
      /NEW_NAME is empty/,
    )
  }, 60_000)
})

describe('a full disk', () => {
  it('ends with exit 7 and says how much room was needed and free, in text and JSON', async () => {
    const big = await emulator.control.createFile({
      key: KEY,
      name: 'big.bin',
      synthetic: { size: 30 * MiB, seed: 3 },
    })
    const small = await emulator.control.createFile({ key: KEY, name: 'fits.txt', content: 'fits\n' })
    const disk = join(work, 'small-disk')
    await mkdir(disk)
    if (!mountTmpfs(disk, 'size=5m')) return
    try {
      const run = await runCli(
        ['download', big.url, small.url, '--out', disk, '--json', '-v', '--state-dir', join(work, 's-full')],
        { env },
      )
      expect(run.code).toBe(7)
      const result = DownloadOutput.parse(JSON.parse(run.stdout))
      const failed = result.items.find((item) => item.link === big.url)!
      expect(failed.error?.code).toBe('DISK_FULL')
      expect(failed.error?.message).toMatch(/31457280 bytes needed, \d+ free/)
      expect(result.items.find((item) => item.name === 'fits.txt')?.status).toBe('completed')
      expect(run.stderr).toMatch(/DISK_FULL .*31457280 bytes needed/)
      expect(await readdir(disk)).toEqual(['fits.txt'])
    } finally {
      execFileSync('umount', [disk])
    }
  }, 60_000)
})

describe('many links', () => {
  it('prints every one of 8 finished files', async () => {
    const files = await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        emulator.control.createFile({
          key: KEY,
          name: `many-${n}.bin`,
          synthetic: { size: 100_000 + n, seed: n },
        }),
      ),
    )
    const out = join(work, 'many')
    const run = await runCli(
      ['download', ...files.map((file) => file.url), '--out', out, '--state-dir', join(work, 's-many')],
      {
        env,
      },
    )
    expect(run.code).toBe(0)
    expect(run.stdout.trim().split('\n').sort()).toEqual(
      files.map((_, n) => join(out, `many-${n}.bin`)).sort(),
    )
  }, 60_000)
})

describe('Ctrl-C', () => {
  it('stops a download at the first SIGINT, keeps the queue, and a rerun finishes it', async () => {
    const slow = await emulator.control.createFile({
      key: KEY,
      name: 'slow.bin',
      synthetic: { size: 8 * MiB, seed: 9 },
    })
    emulator.control.setSpeedCap(256 * 1024)
    const out = join(work, 'int')
    const args = ['download', slow.url, '--out', out, '--json', '--state-dir', join(work, 's-int')]
    try {
      const started = startCli(args, { env })
      await new Promise<void>((resolve) => {
        const poll = setInterval(async () => {
          const names = await readdir(out).catch(() => [])
          if (names.some((name) => name.endsWith('.part'))) {
            clearInterval(poll)
            resolve()
          }
        }, 100)
      })
      started.child.kill('SIGINT')
      const run = await started.done
      expect(run.code).toBe(130)
      expect(CliErrorOutput.parse(JSON.parse(run.stdout)).error.code).toBe('INTERRUPTED')
    } finally {
      emulator.control.setSpeedCap(0)
    }
    const again = await runCli(args, { env })
    expect(again.code).toBe(0)
    expect(DownloadOutput.parse(JSON.parse(again.stdout)).items[0]?.status).toBe('completed')
  }, 60_000)
})

describe('--verbose', () => {
  it('says on stderr what the command does, and keeps stdout for the JSON document', async () => {
    const file = await emulator.control.createFile({ key: KEY, name: 'told.txt', content: 'told\n' })
    emulator.control.failNext({ path: 'download', status: 503 })
    const run = await runCli(
      [
        'download',
        file.url,
        '--out',
        join(work, 'told'),
        '-v',
        '--json',
        '--state-dir',
        join(work, 's-told'),
      ],
      { env },
    )
    expect(run.code).toBe(0)
    expect(DownloadOutput.parse(JSON.parse(run.stdout)).items[0]?.status).toBe('completed')
    expect(run.stderr).toMatch(/^transfer: .* active$/m)
    expect(run.stderr).toMatch(/^transfer: told\.txt completed$/m)
  }, 60_000)
})

describe('two commands writing the same --out', () => {
  it('end each with one JSON document and a documented exit code, never a stack trace, and the file is whole', async () => {
    const size = 6 * MiB
    const file = await emulator.control.createFile({
      key: KEY,
      name: 'shared.bin',
      synthetic: { size, seed: 77 },
    })
    const out = join(work, 'shared')
    emulator.control.setSpeedCap(2 * MiB)
    let runs
    try {
      runs = await Promise.all(
        ['a', 'b'].map((name) =>
          runCli(
            ['download', file.url, '--out', out, '--json', '--state-dir', join(work, `s-shared-${name}`)],
            {
              env,
            },
          ),
        ),
      )
    } finally {
      emulator.control.setSpeedCap(0)
    }
    for (const run of runs) {
      expect([0, 1, 6]).toContain(run.code)
      DownloadOutput.parse(JSON.parse(run.stdout))
      expect(run.stderr).not.toMatch(/\n\s+at /)
    }
    expect(runs.some((run) => run.code === 0)).toBe(true)
    expect((await readFile(join(out, 'shared.bin'))).equals(syntheticBytes(77, size))).toBe(true)
  }, 60_000)
})

describe('a slow answer', () => {
  it('is said to be waited for without --verbose', async () => {
    emulator.control.stallNext({ path: '/v1/folder/ls.cgi', ms: 7000 })
    const run = await runCli(['ls', '/', '--state-dir', join(work, 's-slow')], { env })
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/^waiting for 1fichier \(folderList\)/m)
  }, 60_000)
})
