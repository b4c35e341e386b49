import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { DEFAULT_CALLS_PER_SECOND } from '../../../src/main/core/fichier/pacer'
import { DEFAULT_RATE_LIMITS } from '../../emulator/options'
import { PREMIUM_KEY, startEmulated } from './emulated-client'
import type { Emulated } from './emulated-client'

// Real time, real processes, the emulator's token bucket (a sustained rate, a burst of 3, then a
// lock). Both sides are scaled up tenfold, keeping the client's default margin under the limit,
// so that 200 calls take ~11 s instead of ~110 s: the bucket and the pacer work the same at any rate.
const SCALE = 10
const CALLS = 200

let env: Emulated
let budgetDir: string
beforeAll(async () => {
  env = await startEmulated({
    emulator: {
      rateLimits: { perSecond: DEFAULT_RATE_LIMITS.perSecond * SCALE, folderListIntervalMs: 0 },
      // file/info's own burst rule (Owner locked #649) is not scaled here; it has tests of its own.
      fileInfoBurst: null,
    },
  })
  budgetDir = mkdtempSync(join(tmpdir(), 'fd-pacing-'))
})
const children: ChildProcess[] = []
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill()
  await env.close()
  rmSync(budgetDir, { recursive: true, force: true })
})

const CHILD = fileURLToPath(new URL('./calls-child.ts', import.meta.url))
const TSX = new URL('../../../node_modules/tsx/dist/loader.mjs', import.meta.url).href

/** Another process using the same key (and so the same budget), sending `count` calls at once. */
function otherProcess(fileUrl: string, count: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const args = [env.emulator.apiUrl, PREMIUM_KEY, budgetDir, String(DEFAULT_CALLS_PER_SECOND * SCALE)]
    const child = spawn(process.execPath, ['--import', TSX, CHILD, ...args, fileUrl, String(count)])
    children.push(child)
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.once('error', reject)
    child.once('close', () => resolve(out))
  })
}

it('the client starts under the rate 1fichier locks above', () => {
  expect(DEFAULT_CALLS_PER_SECOND).toBeLessThan(DEFAULT_RATE_LIMITS.perSecond)
})

it(
  `${CALLS} back-to-back calls from concurrent callers in two processes sharing the key trigger no flood lock`,
  { timeout: 120_000 },
  async () => {
    const client = env.makeClient({
      callsPerSecond: DEFAULT_CALLS_PER_SECOND * SCALE,
      listingIntervalMs: 30_000,
      budgetDir,
    })
    const paused: unknown[] = []
    client.on('paused', (event) => paused.push(event))
    const file = await env.emulator.control.createFile({ key: PREMIUM_KEY, name: 'p.txt', content: 'p' })
    const half = CALLS / 2
    const calls = Array.from({ length: half }, (_, i) =>
      i % 3 === 0
        ? client.uploadServer()
        : i % 3 === 1
          ? client.fileInfo(file.url)
          : client.downloadToken(file.url),
    )
    const [results, other] = await Promise.all([Promise.allSettled(calls), otherProcess(file.url, half)])
    expect(results.filter((r) => r.status === 'rejected')).toEqual([])
    expect(other.trim()).toBe('done 0')
    expect(paused).toEqual([])
    const stats = env.emulator.control.stats()
    expect(stats.floodLocks).toBe(0)
    expect(stats.rateLimited).toBe(0)
    const sent =
      (stats.requests['/v1/upload/get_upload_server.cgi'] ?? 0) +
      (stats.requests['/v1/file/info.cgi'] ?? 0) +
      (stats.requests['/v1/download/get_token.cgi'] ?? 0)
    expect(sent).toBe(CALLS)
  },
)
