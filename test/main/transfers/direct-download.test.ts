import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { syntheticBytes } from '../../emulator/synthetic'
import { FichierClient } from '../../../src/main/core/fichier/fichier-client'
import { systemClock } from '../../../src/main/core/lib/clock'
import { whirlpoolOfFile } from '../../../src/main/core/fichier/whirlpool'
import { ConnectionBudget } from '../../../src/main/core/transfers/download/connection-budget'
import { DownloadJob } from '../../../src/main/core/transfers/download/download-job'
import { TokenBucket } from '../../../src/main/core/transfers/token-bucket'

const KEY = 'DirKeyDirKeyDirKeyDirKeyDirKey01'
const MiB = 1024 * 1024

let emulator: RunningEmulator
let client: FichierClient
let dir: string

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
  client = new FichierClient({ baseUrl: emulator.apiUrl, getKey: () => KEY, callsPerSecond: 100 })
  dir = await mkdtemp(join(tmpdir(), 'fd-direct-'))
})

afterAll(async () => {
  client.close()
  await emulator.stop()
  await rm(dir, { recursive: true, force: true })
})

/** The engine's limiter, counting what passes through it. */
class CountingBucket extends TokenBucket {
  taken = 0
  override take(bytes: number, signal?: AbortSignal): Promise<void> {
    this.taken += bytes
    return super.take(bytes, signal)
  }
}

describe('downloads read into reused memory', () => {
  it('pass every byte through the shared speed limit, and end byte-identical', async () => {
    const size = 3 * MiB + 99
    const file = await emulator.control.createFile({
      key: KEY,
      name: 'limited.bin',
      synthetic: { size, seed: 77 },
    })
    const limiter = new CountingBucket(16 * MiB, systemClock)
    const outcome = await new DownloadJob(
      { link: file.url, dir, conflict: 'rename', connections: 2, minSegment: 256 * 1024 },
      {
        clock: systemClock,
        budget: new ConnectionBudget(30),
        limiter,
        tokenFor: async (link, _password, signal) => (await client.downloadToken(link, { signal })).url,
        whirlpoolOfFile,
        reserved: new Set(),
      },
      { onMeta: () => undefined, onBytes: () => undefined },
      new AbortController().signal,
    ).run()
    expect(outcome.status).toBe('completed')
    expect((await readFile(join(dir, 'limited.bin'))).equals(syntheticBytes(77, size))).toBe(true)
    expect(limiter.taken).toBe(size)
  })
})
