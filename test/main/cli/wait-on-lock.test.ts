// With --wait-on-lock every API call of a command waits out a flood lock, path resolution included.
// Each command meets its lock on an emulator of its own, so that the three wait (1fichier's pace of one
// listing per folder every 30 s, the refused listing included) side by side.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LsOutput, MkdirOutput, UploadOutput } from '../../../src/main/cli/json-output'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { runCli } from './cli-process'

const KEY = 'LockKeyLockKeyLockKeyLockKeyLo01'

let work: string
const emulators: RunningEmulator[] = []

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'fd-cli-lock-'))
  await writeFile(join(work, 'a.txt'), 'a\n')
})

afterAll(async () => {
  await Promise.all(emulators.map((emulator) => emulator.stop()))
  await rm(work, { recursive: true, force: true })
})

/** The next API answer of `emulator` is a flood lock of `seconds` (as 1fichier words it, with a Retry-After). */
function floodLockNext(emulator: RunningEmulator, seconds: number): void {
  emulator.control.failNext({
    path: '/v1/*',
    status: 403,
    body: { status: 'KO', message: 'Flood detected: IP Locked' },
    headers: { 'Retry-After': String(seconds) },
  })
}

describe.concurrent('--wait-on-lock', () => {
  it.for([
    [
      'ls',
      ['ls', '/there'],
      (stdout: string) => expect(LsOutput.parse(JSON.parse(stdout)).path).toBe('/there'),
    ],
    [
      'mkdir',
      ['mkdir', '/made/here'],
      (stdout: string) => expect(MkdirOutput.parse(JSON.parse(stdout)).path).toBe('/made/here'),
    ],
    [
      'upload --to',
      ['upload', 'a.txt', '--to', '/up'],
      (stdout: string) =>
        expect(UploadOutput.parse(JSON.parse(stdout)).items.map((item) => item.status)).toEqual([
          'completed',
        ]),
    ],
  ] as const)(
    'holds %s through a flood lock met while resolving its path',
    { timeout: 60_000 },
    async ([name, args, check], { expect }) => {
      const emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
      emulators.push(emulator)
      const env = {
        FICHIER_API_URL: emulator.apiUrl,
        FICHIER_API_KEY: KEY,
        XDG_STATE_HOME: join(work, `xdg-${name}`),
      }
      emulator.control.createFolder({ key: KEY, name: 'there' })
      const state = ['--state-dir', join(work, `s-${name}`)]
      floodLockNext(emulator, 2)
      const run = await runCli([...args, '--wait-on-lock', '--json', ...state], { env, cwd: work })
      expect(run.stderr).toContain('flood lock); waiting until')
      expect(run.code).toBe(0)
      check(run.stdout)
      // Without the option, the same lock ends the command with exit 4.
      await new Promise((resolve) => setTimeout(resolve, 2500))
      floodLockNext(emulator, 2)
      // (a state of its own, so that no pacing memory of the first run delays it)
      const failed = await runCli([...args, '--json', '--state-dir', join(work, `s2-${name}`)], {
        env: { ...env, XDG_STATE_HOME: join(work, `xdg2-${name}`) },
        cwd: work,
      })
      expect(failed.code).toBe(4)
    },
  )
})
