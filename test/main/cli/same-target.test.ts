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
})
