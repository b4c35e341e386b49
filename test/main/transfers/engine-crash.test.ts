import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { syntheticBytes } from '../../emulator/synthetic'

const KEY = 'CrashKeyCrashKeyCrashKeyCrashK01'
const MiB = 1024 * 1024
const SIZES = [24 * MiB, 16 * MiB, 8 * MiB + 5]
const CHILD = fileURLToPath(new URL('./engine-child.ts', import.meta.url))

let emulator: RunningEmulator
let dataDir: string

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
  dataDir = await mkdtemp(join(tmpdir(), 'fd-crash-'))
})

afterAll(async () => {
  await emulator.stop()
  await rm(dataDir, { recursive: true, force: true })
})

function run(links: string[]): { child: ChildProcess; output: Promise<string> } {
  return runIn(dataDir, links)
}

function runIn(dir: string, links: string[]): { child: ChildProcess; output: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, emulator.apiUrl, KEY, dir, ...links], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()))
  const output = new Promise<string>((resolve) => child.on('exit', () => resolve(out)))
  return { child, output }
}

/** Bytes the part files' control records say are safely on disk. */
async function recordedBytes(): Promise<number> {
  const dir = join(dataDir, 'downloads')
  let total = 0
  for (const name of await readdir(dir).catch(() => [])) {
    if (!name.endsWith('.part.json')) continue
    const control = JSON.parse(await readFile(join(dir, name), 'utf8')) as {
      ranges: Array<{ start: number; end: number }>
    }
    total += control.ranges.reduce((sum, r) => sum + r.end - r.start, 0)
  }
  return total
}

describe('a transfer process killed with SIGKILL', () => {
  it('finishes every file byte-identical after a restart, fetching little of what was on disk again', async () => {
    const files = await Promise.all(
      SIZES.map((size, index) =>
        emulator.control.createFile({
          key: KEY,
          name: `crash-${index}.bin`,
          synthetic: { size, seed: 100 + index },
        }),
      ),
    )
    emulator.control.setSpeedCap(3 * MiB)
    const first = run(files.map((f) => f.url))
    const total = SIZES.reduce((a, b) => a + b, 0)
    const deadline = Date.now() + 20_000
    while ((await recordedBytes()) < total * 0.3 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    first.child.kill('SIGKILL')
    await first.output
    const kept = await recordedBytes()
    expect(kept).toBeGreaterThan(0)

    emulator.control.setSpeedCap(0)
    emulator.control.resetStats()
    const second = run([])
    const log = await second.output
    expect(log).toContain('done ')
    const items = JSON.parse(log.slice(log.indexOf('done ') + 5).split('\n')[0]!) as Array<{
      name: string
      status: string
    }>
    expect(items.map((i) => [i.name, i.status]).sort()).toEqual(
      SIZES.map((_, i) => [`crash-${i}.bin`, 'completed']),
    )
    for (const [index, size] of SIZES.entries()) {
      const data = await readFile(join(dataDir, 'downloads', `crash-${index}.bin`))
      expect(data.equals(syntheticBytes(100 + index, size))).toBe(true)
    }
    expect((await readdir(join(dataDir, 'downloads'))).filter((name) => name.includes('.part'))).toEqual([])
    const refetched = emulator.control.stats().bytesServed - (total - kept)
    expect(refetched).toBeLessThanOrEqual(kept * 0.05)
  }, 60_000)
})

describe('an upload whose process is killed after the POST, before its report was read', () => {
  it('is collected on restart, even through failing reads of the report, and stored once', async () => {
    emulator.control.reset()
    const upDir = await mkdtemp(join(tmpdir(), 'fd-crash-up-'))
    const path = join(upDir, 'report.bin')
    const bytes = syntheticBytes(300, 3 * MiB + 1)
    await writeFile(path, bytes)
    const before = emulator.control.listFiles(KEY).length
    // The node keeps answering "wait" to end.pl: the first process never learns the link.
    emulator.control.endPlWait(1_000)
    const first = runIn(upDir, [`upload:${path}`])
    const deadline = Date.now() + 20_000
    while (emulator.control.listFiles(KEY).length === before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(emulator.control.listFiles(KEY)).toHaveLength(before + 1)
    first.child.kill('SIGKILL')
    await first.output

    // On restart the report is read (after two failed reads), not the file sent again.
    emulator.control.reset()
    emulator.control.failNext({ path: '/end.pl', status: 503, times: 2 })
    emulator.control.resetStats()
    const log = await runIn(upDir, []).output
    expect(log).toContain('done ')
    const items = JSON.parse(log.slice(log.indexOf('done ') + 5).split('\n')[0]!) as Array<{
      name: string
      status: string
      link?: string
      note?: string
    }>
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ name: 'report.bin', status: 'completed' })
    expect(items[0]!.note).toBeUndefined()
    const stored = emulator.control.listFiles(KEY).slice(before)
    expect(stored).toHaveLength(1)
    expect(items[0]!.link).toBe(stored[0]!.url)
    expect(emulator.control.stats().bytesReceived).toBe(0)
    await rm(upDir, { recursive: true, force: true })
  }, 60_000)
})
