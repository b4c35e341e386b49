import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DownloadOutput } from '../../../src/main/cli/json-output'
import { startEmulator, syntheticBytes, type RunningEmulator } from '../../emulator/index'
import { runCli, startCli } from './cli-process'

const KEY = 'RsCliKeyRsCliKeyRsCliKeyRsCliK01'
const MiB = 1024 * 1024
const SIZE = 12 * MiB + 3

let emulator: RunningEmulator
let work: string

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
  work = await mkdtemp(join(tmpdir(), 'fd-cli-resume-'))
})

afterAll(async () => {
  await emulator.stop()
  await rm(work, { recursive: true, force: true })
})

/** Bytes the part files' control records say are on disk. */
async function recordedBytes(dir: string): Promise<number> {
  let total = 0
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.endsWith('.part.json')) continue
    const control = JSON.parse(await readFile(join(dir, name), 'utf8')) as {
      ranges: Array<{ start: number; end: number }>
    }
    total += control.ranges.reduce((sum, range) => sum + range.end - range.start, 0)
  }
  return total
}

async function interruptAndResume(signal: 'SIGINT' | 'SIGKILL', seed: number): Promise<void> {
  const file = await emulator.control.createFile({
    key: KEY,
    name: `movie-${seed}.bin`,
    synthetic: { size: SIZE, seed },
  })
  const out = join(work, `out-${seed}`)
  const args = [
    'download',
    file.url,
    '--out',
    out,
    '--connections',
    '2',
    '--state-dir',
    join(work, `state-${seed}`),
  ]
  const env = { FICHIER_API_URL: emulator.apiUrl, FICHIER_API_KEY: KEY }

  emulator.control.setSpeedCap(1 * MiB)
  const first = startCli(args, { env })
  const deadline = Date.now() + 40_000
  while ((await recordedBytes(out)) < SIZE * 0.25 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100))
  first.child.kill(signal)
  const stopped = await first.done
  if (signal === 'SIGINT') {
    expect(stopped.code).toBe(130)
    expect(stopped.stderr).toContain('error INTERRUPTED')
  } else {
    expect(stopped.signal).toBe('SIGKILL')
  }
  const kept = await recordedBytes(out)
  expect(kept).toBeGreaterThanOrEqual(SIZE * 0.25)
  expect(kept).toBeLessThan(SIZE)

  emulator.control.setSpeedCap(0)
  emulator.control.resetStats()
  const second = await runCli([...args, '--json'], { env })
  expect(second.code).toBe(0)
  const result = DownloadOutput.parse(JSON.parse(second.stdout))
  expect(result.items.map((item) => [item.name, item.status])).toEqual([[`movie-${seed}.bin`, 'completed']])
  expect((await readFile(join(out, `movie-${seed}.bin`))).equals(syntheticBytes(seed, SIZE))).toBe(true)
  expect(await readdir(out)).toEqual([`movie-${seed}.bin`])
  // Only what was missing came over the wire again (plus the small overlap of a segment hand-off).
  expect(emulator.control.stats().bytesServed).toBeLessThanOrEqual(SIZE - kept + SIZE * 0.05)
}

describe('an interrupted fichier download', () => {
  it(
    'stops cleanly on SIGINT (exit 130) and the same command fetches only the missing bytes',
    () => interruptAndResume('SIGINT', 41),
    60_000,
  )

  it(
    'survives SIGKILL: the same command resumes from the part file',
    () => interruptAndResume('SIGKILL', 42),
    60_000,
  )
})
