import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { syntheticBytes } from '../../emulator/synthetic'
import { FichierClient } from '../../../src/main/core/fichier/fichier-client'
import { QueueStore } from '../../../src/main/core/queue/queue-store'
import { TransferEngine, type RecordStore } from '../../../src/main/core/transfers/engine'
import { createFichierTransferApi } from '../../../src/main/core/transfers/fichier-transfer-api'
import { TransferRecord } from '../../../src/main/core/transfers/transfer-record'
import { systemClock } from '../../../src/main/core/lib/clock'
import type { TransferView } from '../../../src/shared/model/transfer'

const KEY = 'RaceKeyRaceKeyRaceKeyRaceKeyRa01'
const MiB = 1024 * 1024
const COUNT = 5
const SIZE = 6 * MiB
const MOVES = ['top', 'down', 'bottom', 'up'] as const

let emulator: RunningEmulator
let dataDir: string

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
  dataDir = await mkdtemp(join(tmpdir(), 'fd-race-'))
})

afterAll(async () => {
  await emulator.stop()
  await rm(dataDir, { recursive: true, force: true })
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The real queue store on a slow disk: each write is durable, then acknowledged some time later. */
function slowStore(store: QueueStore<TransferRecord>): RecordStore {
  return {
    putMany: async (records) => {
      await store.putMany(records)
      await sleep(15)
    },
    remove: (ids) => store.remove(ids),
  }
}

async function openEngine(): Promise<{ engine: TransferEngine; close(): Promise<void> }> {
  const client = new FichierClient({ baseUrl: emulator.apiUrl, getKey: () => KEY, callsPerSecond: 50 })
  const { store, items } = await QueueStore.open(join(dataDir, 'queue'), { schema: TransferRecord })
  const engine = new TransferEngine({
    store: slowStore(store),
    records: items,
    api: createFichierTransferApi(client),
    clock: systemClock,
    minSegment: 256 * 1024,
    settings: {
      downloadDir: join(dataDir, 'downloads'),
      maxActive: 3,
      connectionsPerFile: 4,
      accountConnections: 12,
      downloadLimit: 0,
      uploadLimit: 0,
      conflict: 'rename',
      uploadDuplicates: 'upload',
    },
  })
  engine.start()
  return {
    engine,
    async close() {
      await engine.close()
      await store.close()
      client.close()
    },
  }
}

async function until(
  engine: TransferEngine,
  done: (items: TransferView[]) => boolean,
): Promise<TransferView[]> {
  const deadline = Date.now() + 60_000
  for (;;) {
    const { items } = engine.list()
    if (done(items)) return items
    if (Date.now() > deadline) throw new Error(`timed out: ${JSON.stringify(items.map((i) => i.status))}`)
    await sleep(20)
  }
}

const essentials = ({ id, status, order, name, bytesTotal }: TransferView) => ({
  id,
  status,
  order,
  name,
  bytesTotal,
})

describe('one record changed from several sides at once', () => {
  it('loses no change under concurrent pause, resume and reorder while jobs report', async () => {
    const files = await Promise.all(
      Array.from({ length: COUNT }, (_, index) =>
        emulator.control.createFile({
          key: KEY,
          name: `race-${index}.bin`,
          synthetic: { size: SIZE, seed: 500 + index },
        }),
      ),
    )
    emulator.control.setSpeedCap(2 * MiB)
    let running = await openEngine()
    const { engine } = running
    const { addedIds: ids } = await engine.add({
      kind: 'download',
      text: files.map((file) => file.url).join('\n'),
    })
    expect(ids).toHaveLength(COUNT)

    // Every call below lands while jobs start, learn their part files and write: each is one
    // more chance for a stale copy of a record to overwrite what a job just recorded.
    for (let round = 0; round < 12; round++) {
      const some = ids.filter((_, index) => (index + round) % 2 === 0)
      await Promise.all([
        engine.pause({ ids: some }),
        engine.reorder({ ids: [ids[round % COUNT]!], to: MOVES[round % 4]! }),
        sleep(round * 3).then(() => engine.resume({ ids })),
        engine.reorder({ ids: [ids[(round + 2) % COUNT]!], to: 'top' }),
      ])
      await sleep(40 + 20 * (round % 3))
    }
    await engine.pause({ all: true })
    await until(engine, (items) => items.every((i) => i.status === 'paused' || i.status === 'completed'))
    await running.close()
    const memory = engine.list().items.map(essentials)

    // What the journal holds is what the engine held, and every part file on disk is recorded.
    const { store, items } = await QueueStore.open(join(dataDir, 'queue'), { schema: TransferRecord })
    await store.close()
    expect(items.map(essentials).sort((a, b) => a.order - b.order)).toEqual(memory)
    const downloads = join(dataDir, 'downloads')
    const parts = (await readdir(downloads)).filter((name) => name.endsWith('.part'))
    expect(parts.length).toBeGreaterThan(0)
    for (const name of parts) {
      const owner = items.find(
        (item) => item.meta.kind === 'download' && item.meta.partPath === join(downloads, name),
      )
      expect(owner, `the journal records ${name}`).toBeDefined()
      expect(owner!.status).toBe('paused')
    }

    emulator.control.setSpeedCap(0)
    running = await openEngine()
    await running.engine.resume({ all: true })
    const done = await until(running.engine, (list) => list.every((i) => i.status === 'completed'))
    await running.close()
    expect(done.map((item) => item.name).sort()).toEqual(files.map((_, index) => `race-${index}.bin`))
    for (let index = 0; index < COUNT; index++) {
      const data = await readFile(join(downloads, `race-${index}.bin`))
      expect(data.equals(syntheticBytes(500 + index, SIZE))).toBe(true)
    }
    expect((await readdir(downloads)).filter((name) => name.includes('.part'))).toEqual([])
  }, 90_000)
})
