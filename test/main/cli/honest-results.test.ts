// The command line never reports a success that did not happen: a refused key, a skip, a name
// shared by two remote files.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CliErrorOutput, DownloadOutput } from '../../../src/main/cli/json-output'
import { startEmulator, syntheticBytes, type RunningEmulator } from '../../emulator/index'
import { whirlpoolOfFile } from '../../../src/main/core/fichier/whirlpool'
import { runCli } from './cli-process'

const KEY = 'HonestKeyHonestKeyHonestKeyHon01'
const WRONG = 'WrongKeyWrongKeyWrongKeyWrongK01'

let emulator: RunningEmulator
let work: string
let env: Record<string, string>

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
  work = await mkdtemp(join(tmpdir(), 'fd-cli-honest-'))
  env = { FICHIER_API_URL: emulator.apiUrl, FICHIER_API_KEY: KEY }
  await writeFile(join(work, 'hello.txt'), 'hello\n')
})

afterAll(async () => {
  await emulator.stop()
  await rm(work, { recursive: true, force: true })
})

describe('a wrong key', () => {
  it.each([[[]], [['--folder-id', '0']]])(
    'never uploads anonymously (options %j): exit 3 and nothing sent',
    async (extra) => {
      const before = emulator.control.stats().filesUploaded
      const run = await runCli(
        [
          'upload',
          join(work, 'hello.txt'),
          ...extra,
          '--json',
          '--state-dir',
          join(work, `s-wrong-${extra.length}`),
        ],
        { env: { ...env, FICHIER_API_KEY: WRONG } },
      )
      expect(run.code).toBe(3)
      const result = CliErrorOutput.parse(JSON.parse(run.stdout))
      expect(result.error.code).toBe('AUTH_INVALID_KEY')
      expect(run.stderr).toContain('error AUTH_INVALID_KEY')
      expect(emulator.control.stats().filesUploaded).toBe(before)
    },
    60_000,
  )
})

describe('an anonymous upload', () => {
  it('is an error of the key (exit 3) when 1fichier answers a removal link for a keyed upload', async () => {
    const path = join(work, 'hello.txt')
    const whirlpool = await whirlpoolOfFile(path)
    // What 1fichier answers an upload it did not tie to an account: the report carries a removal link.
    emulator.control.failNext({
      path: '/end.pl',
      status: 200,
      body: {
        incoming: 0,
        links: [
          {
            download: 'https://1fichier.com/?anonymous0000000001',
            filename: 'hello.txt',
            size: '6',
            whirlpool,
            remove: 'https://1fichier.com/remove/anonymous0000000001/RmCode',
          },
        ],
      },
    })
    const run = await runCli(['upload', path, '--json', '--state-dir', join(work, 's-anon')], { env })
    expect(run.code).toBe(3)
    const result = CliErrorOutput.parse(JSON.parse(run.stdout))
    expect(result.error.code).toBe('AUTH_INVALID_KEY')
    expect(result.error.message).toMatch(/anonymous upload.*remove\/anonymous0000000001\/RmCode/)
  }, 60_000)
})

describe('download conflicts', () => {
  it('reports a file already in --out as skipped, with exit 6, and keeps the old content', async () => {
    const file = await emulator.control.createFile({ key: KEY, name: 'report.txt', content: 'wanted\n' })
    const out = join(work, 'out-skip')
    await mkdir(out)
    await writeFile(join(out, 'report.txt'), 'unrelated\n')
    const run = await runCli(
      ['download', file.url, '--out', out, '--json', '--state-dir', join(work, 's1')],
      {
        env,
      },
    )
    expect(run.code).toBe(6)
    const result = DownloadOutput.parse(JSON.parse(run.stdout))
    expect(result.items.map((item) => item.status)).toEqual(['skipped'])
    expect(result.skipped).toBe(1)
    expect(result.failed).toBe(0)
    expect(await readFile(join(out, 'report.txt'), 'utf8')).toBe('unrelated\n')
    // In text mode nothing lands on stdout, where scripts read what was fetched.
    const text = await runCli(['download', file.url, '--out', out, '--state-dir', join(work, 's1')], { env })
    expect(text.code).toBe(6)
    expect(text.stdout).toBe('')
    expect(text.stderr).toContain('skipped  report.txt')
  }, 60_000)

  it('gives two remote files with one name two local files with --conflict rename', async () => {
    const a = await emulator.control.createFile({ key: KEY, name: 'twin.txt', content: 'first twin\n' })
    const b = await emulator.control.createFile({ key: KEY, name: 'twin.txt', content: 'second twin\n' })
    const out = join(work, 'out-rename')
    const run = await runCli(
      [
        'download',
        a.url,
        b.url,
        '--out',
        out,
        '--conflict',
        'rename',
        '--json',
        '--state-dir',
        join(work, 's2'),
      ],
      { env },
    )
    expect(run.code).toBe(0)
    const result = DownloadOutput.parse(JSON.parse(run.stdout))
    expect(result.items.map((item) => item.status)).toEqual(['completed', 'completed'])
    expect(new Set(result.items.map((item) => item.path)).size).toBe(2)
    expect((await readdir(out)).sort()).toEqual(['twin (1).txt', 'twin.txt'])
    const contents = await Promise.all((await readdir(out)).map((name) => readFile(join(out, name), 'utf8')))
    expect(contents.sort()).toEqual(['first twin\n', 'second twin\n'])
  }, 60_000)

  it('writes one of two remote files with one name with the default policy and reports the other skipped', async () => {
    const a = await emulator.control.createFile({ key: KEY, name: 'pair.txt', content: 'one\n' })
    const b = await emulator.control.createFile({ key: KEY, name: 'pair.txt', content: 'two\n' })
    const out = join(work, 'out-pair')
    const run = await runCli(
      ['download', a.url, b.url, '--out', out, '--json', '--state-dir', join(work, 's3')],
      {
        env,
      },
    )
    expect(run.code).toBe(6)
    const result = DownloadOutput.parse(JSON.parse(run.stdout))
    expect(result.items.map((item) => item.status).sort()).toEqual(['completed', 'skipped'])
    const written = result.items.find((item) => item.status === 'completed')!
    expect(await readdir(out)).toEqual(['pair.txt'])
    expect(await readFile(join(out, 'pair.txt'), 'utf8')).toBe(written.link === a.url ? 'one\n' : 'two\n')
    // The checksum the file was verified against is in the document.
    expect(written.checksum).toMatch(/^[0-9a-f]{128}$/)
  }, 60_000)

  it('overwrites an old file once with --conflict overwrite when two links of the run give its name', async () => {
    const [a, b] = await Promise.all(
      [1, 2].map((seed) =>
        emulator.control.createFile({ key: KEY, name: 'dup.bin', synthetic: { size: 1024 * 1024, seed } }),
      ),
    )
    const out = join(work, 'out-overwrite')
    await mkdir(out)
    await writeFile(join(out, 'dup.bin'), 'old\n')
    // Slow enough that both links may be under way together (or not: either way only one is written).
    emulator.control.setSpeedCap(512 * 1024)
    try {
      const run = await runCli(
        [
          'download',
          a!.url,
          b!.url,
          '--out',
          out,
          '--conflict',
          'overwrite',

          '--json',
          '--state-dir',
          join(work, 's5'),
        ],
        { env },
      )
      expect(run.code).toBe(6)
      const result = DownloadOutput.parse(JSON.parse(run.stdout))
      expect(result.items.map((item) => item.status).sort()).toEqual(['completed', 'skipped'])
      const written = result.items.find((item) => item.status === 'completed')!
      const skipped = result.items.find((item) => item.status === 'skipped')!
      expect(skipped.note).toMatch(/Another link of this run gives the same name/)
      expect(await readdir(out)).toEqual(['dup.bin'])
      const expected = syntheticBytes(written.link === a!.url ? 1 : 2, 1024 * 1024)
      expect((await readFile(join(out, 'dup.bin'))).equals(expected)).toBe(true)
    } finally {
      emulator.control.setSpeedCap(0)
    }
  }, 60_000)

  it('reports, when run again after a failure, what the earlier run fetched as completed, not skipped', async () => {
    const good = await emulator.control.createFile({ key: KEY, name: 'kept.txt', content: 'kept\n' })
    const missing = 'https://1fichier.com/?zzzzzzzzzzzzzzzzzzzz'
    const out = join(work, 'out-again')
    const args = ['download', good.url, missing, '--out', out, '--json', '--state-dir', join(work, 's4')]
    const first = await runCli(args, { env })
    expect(first.code).toBe(1)
    const again = await runCli(args, { env })
    expect(again.code).toBe(1)
    const result = DownloadOutput.parse(JSON.parse(again.stdout))
    expect(result.items.find((item) => item.link === good.url)?.status).toBe('completed')
    expect(result.items.find((item) => item.link === missing)?.status).toBe('failed')
    expect(result.skipped).toBe(0)
  }, 60_000)
})

describe('names from the network', () => {
  it.each([[[]], [['--no-verify']]])(
    'are saved readable and safe (options %j)',
    async (extra) => {
      const names = ['say "hi".txt', 'line\nbreak.txt', 'back\\slash.txt']
      const files = await Promise.all(
        names.map((name) => emulator.control.createFile({ key: KEY, name, content: `${name}\n` })),
      )
      const out = join(work, `out-names-${extra.length}`)
      const run = await runCli(
        [
          'download',
          ...files.map((file) => file.url),
          ...extra,
          '--out',
          out,
          '--state-dir',
          join(work, `s-names-${extra.length}`),
        ],
        { env },
      )
      expect(run.code).toBe(0)
      expect((await readdir(out)).sort()).toEqual(['back_slash.txt', 'line break.txt', "say 'hi'.txt"])
    },
    60_000,
  )
})
