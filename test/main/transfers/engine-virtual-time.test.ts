import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { syntheticBytes } from '../../emulator/synthetic'
import { FichierClient } from '../../../src/main/core/fichier/fichier-client'
import { ManualClock } from '../../../src/main/core/lib/clock'
import { QueueStore } from '../../../src/main/core/queue/queue-store'
import { TransferEngine } from '../../../src/main/core/transfers/engine'
import { createFichierTransferApi } from '../../../src/main/core/transfers/fichier-transfer-api'
import { TransferRecord } from '../../../src/main/core/transfers/transfer-record'

const KEY = 'VirtKeyVirtKeyVirtKeyVirtKeyVi01'
const SIZE = 1024 * 1024 + 3

let emulator: RunningEmulator
let dataDir: string

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
  dataDir = await mkdtemp(join(tmpdir(), 'fd-virtual-'))
})

afterAll(async () => {
  await emulator.stop()
  await rm(dataDir, { recursive: true, force: true })
})

describe('the engine in virtual time', () => {
  it('waits out connection and transfer backoffs on the injected clock and scheduler', async () => {
    const file = await emulator.control.createFile({
      key: KEY,
      name: 'later.bin',
      synthetic: { size: SIZE, seed: 61 },
    })
    // Six refusals use up the connection's tries (backoffs of 0.5–1, 1–2, 2–4, 4–8 and 8–16 s), so
    // the transfer itself fails once and is retried after its own backoff.
    emulator.control.failNext({ path: 'download', status: 503, times: 6 })
    const clock = new ManualClock(Date.now())
    const start = clock.now()
    const client = new FichierClient({ baseUrl: emulator.apiUrl, getKey: () => KEY, callsPerSecond: 100 })
    const { store, items } = await QueueStore.open(join(dataDir, 'queue'), { schema: TransferRecord })
    const engine = new TransferEngine({
      store,
      records: items,
      api: createFichierTransferApi(client),
      clock,
      scheduler: clock,
      settings: {
        downloadDir: join(dataDir, 'downloads'),
        maxActive: 1,
        connectionsPerFile: 1,
        accountConnections: 4,
        downloadLimit: 0,
        uploadLimit: 0,
        conflict: 'rename',
        uploadDuplicates: 'upload',
      },
    })
    const statuses: string[] = []
    engine.on('changed', (batch) => {
      for (const view of batch.upserts) if (statuses.at(-1) !== view.status) statuses.push(view.status)
    })
    engine.start()
    await engine.add({ kind: 'download', text: file.url })

    let retryTimerPending = false
    for (let step = 0; step < 200; step++) {
      const [item] = engine.list().items
      if (item?.status === 'completed') break
      if (item?.status === 'retrying') retryTimerPending ||= clock.pending > 0
      await clock.advance(500)
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    const [done] = engine.list().items
    await engine.close()
    await store.close()
    client.close()

    expect(done).toMatchObject({ status: 'completed', attempts: 1 })
    // Changes are coalesced (a queued item that starts at once shows as active).
    expect(statuses).toEqual(['active', 'retrying', 'active', 'completed'])
    expect(retryTimerPending).toBe(true)
    expect(clock.now() - start).toBeGreaterThanOrEqual(16_000)
    expect((await readFile(join(dataDir, 'downloads', 'later.bin'))).equals(syntheticBytes(61, SIZE))).toBe(
      true,
    )
  })
})
