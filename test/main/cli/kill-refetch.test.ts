import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DownloadOutput } from '../../../src/main/cli/json-output'
import { startEmulator, syntheticBytes, type RunningEmulator } from '../../emulator/index'
import { runCli, startCli } from './cli-process'

const KEY = 'KillKeyKillKeyKillKeyKillKeyKi01'
const MiB = 1024 * 1024
// 400 MiB at 40 MiB/s scaled down tenfold: the same seconds, so the same share of the file in flight.
const SIZE = 40 * MiB + 11
const LIMIT = '4M'

let emulator: RunningEmulator
let work: string

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
  work = await mkdtemp(join(tmpdir(), 'fd-cli-kill-'))
})

afterAll(async () => {
  await emulator.stop()
  await rm(work, { recursive: true, force: true })
})

describe('a fichier download killed with SIGKILL a third of the way', () => {
  it('ends byte-identical after a re-run, the server sending at most 5% of the file twice', async () => {
    const file = await emulator.control.createFile({
      key: KEY,
      name: 'big.bin',
      synthetic: { size: SIZE, seed: 77 },
    })
    const out = join(work, 'out')
    const args = ['download', file.url, '--out', out, '--limit', LIMIT, '--state-dir', join(work, 'state')]
    const env = { FICHIER_API_URL: emulator.apiUrl, FICHIER_API_KEY: KEY }
    emulator.control.resetStats()

    const first = startCli(args, { env })
    const deadline = Date.now() + 60_000
    while (emulator.control.stats().bytesServed < SIZE / 3 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    first.child.kill('SIGKILL')
    expect((await first.done).signal).toBe('SIGKILL')
    const servedFirst = emulator.control.stats().bytesServed
    expect(servedFirst).toBeGreaterThanOrEqual(SIZE / 3)
    expect(servedFirst).toBeLessThan(SIZE)

    const second = await runCli([...args, '--json'], { env })
    expect(second.code, second.stderr).toBe(0)
    const result = DownloadOutput.parse(JSON.parse(second.stdout))
    expect(result.items.map((item) => [item.name, item.status])).toEqual([['big.bin', 'completed']])
    expect((await readFile(join(out, 'big.bin'))).equals(syntheticBytes(77, SIZE))).toBe(true)
    expect(await readdir(out)).toEqual(['big.bin'])
    const twice = emulator.control.stats().bytesServed - SIZE
    expect(twice).toBeLessThanOrEqual(SIZE * 0.05)
  }, 120_000)
})
