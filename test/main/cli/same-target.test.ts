import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, syntheticBytes, type RunningEmulator } from '../../emulator/index'
import { startCli } from './cli-process'

const KEY = 'TwinKeyTwinKeyTwinKeyTwinKeyTw01'
const MiB = 1024 * 1024
const SIZE = 16 * MiB + 9

let emulator: RunningEmulator
let work: string

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
  work = await mkdtemp(join(tmpdir(), 'fd-cli-twins-'))
})

afterAll(async () => {
  await emulator.stop()
  await rm(work, { recursive: true, force: true })
})

describe('two fichier processes downloading the same file into one folder', () => {
  it('never interleave: the second stops with PART_IN_USE, the first ends byte-identical', async () => {
    const file = await emulator.control.createFile({
      key: KEY,
      name: 'twin.bin',
      synthetic: { size: SIZE, seed: 88 },
    })
    const out = join(work, 'out')
    const env = { FICHIER_API_URL: emulator.apiUrl, FICHIER_API_KEY: KEY }
    const args = (state: string) => ['download', file.url, '--out', out, '--state-dir', join(work, state)]
    // Slow enough that the first is still writing when the second gives up waiting for the lock.
    emulator.control.setSpeedCap(384 * 1024)
    const first = startCli(args('state-1'), { env })
    const deadline = Date.now() + 30_000
    while (
      !(await readdir(out).catch(() => [] as string[])).includes('twin.bin.part') &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const second = await startCli(args('state-2'), { env }).done
    emulator.control.setSpeedCap(0)
    const firstRun = await first.done

    expect(second.code).toBe(1)
    expect(second.stdout + second.stderr).toContain('PART_IN_USE')
    expect(second.stdout + second.stderr).not.toContain('ENOENT')
    expect(firstRun.code, firstRun.stderr).toBe(0)
    expect((await readFile(join(out, 'twin.bin'))).equals(syntheticBytes(88, SIZE))).toBe(true)
    expect(await readdir(out)).toEqual(['twin.bin'])
  }, 60_000)

  it('two files with one name, started together: rename keeps both, skip never reports two files at one path', async () => {
    const a = await emulator.control.createFile({
      key: KEY,
      name: 'same.bin',
      synthetic: { size: 3 * MiB, seed: 71 },
    })
    const b = await emulator.control.createFile({
      key: KEY,
      name: 'same.bin',
      synthetic: { size: 2 * MiB, seed: 72 },
    })
    const env = { FICHIER_API_URL: emulator.apiUrl, FICHIER_API_KEY: KEY }
    const expected = new Map([
      [a.url, syntheticBytes(71, 3 * MiB)],
      [b.url, syntheticBytes(72, 2 * MiB)],
    ])
    for (const conflict of ['rename', 'skip']) {
      const out = join(work, `together-${conflict}`)
      const args = (link: string, state: string) => [
        'download',
        link,
        '--out',
        out,
        '--state-dir',
        join(work, `${conflict}-${state}`),
        '--conflict',
        conflict,
        '--json',
      ]
      emulator.control.setSpeedCap(2 * MiB)
      const runs = await Promise.all([
        startCli(args(a.url, 'a'), { env }).done,
        startCli(args(b.url, 'b'), { env }).done,
      ])
      emulator.control.setSpeedCap(0)
      const items = runs.flatMap((run) => {
        expect(run.stderr).not.toMatch(/ENOENT|\n\s+at /)
        return (
          JSON.parse(run.stdout) as {
            items: Array<{ link: string; status: string; path?: string; code?: string }>
          }
        ).items
      })
      const completed = items.filter((item) => item.status === 'completed')
      expect(new Set(completed.map((item) => item.path)).size).toBe(completed.length)
      for (const item of completed)
        expect((await readFile(item.path!)).equals(expected.get(item.link)!)).toBe(true)
      if (conflict === 'rename') {
        expect(completed).toHaveLength(2)
        expect((await readdir(out)).sort()).toEqual(['same (1).bin', 'same.bin'])
      } else {
        expect(completed).toHaveLength(1)
        // The other one is told that a process is writing the name (1), or, if it came after, skips it (6).
        expect([
          [0, 1],
          [0, 6],
        ]).toContainEqual(runs.map((run) => run.code).sort())
        expect(await readdir(out)).toEqual(['same.bin'])
      }
    }
  }, 60_000)
})
