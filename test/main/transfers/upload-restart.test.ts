import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { FichierClient } from '../../../src/main/core/fichier/fichier-client'
import { QueueStore } from '../../../src/main/core/queue/queue-store'
import { TransferRecord } from '../../../src/main/core/transfers/transfer-record'
import { createTestService, type TestService } from '../../helpers/test-service'
import { allFinished, waitForTransfers } from '../../helpers/wait-for-transfers'

const KEY = 'UpRsKeyUpRsKeyUpRsKeyUpRsKeyUp01'

let emulator: RunningEmulator
let dataDir: string
let service: TestService | undefined

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
  dataDir = await mkdtemp(join(tmpdir(), 'fd-up-restart-'))
})

afterAll(async () => {
  await service?.close()
  await emulator.stop()
  await rm(dataDir, { recursive: true, force: true })
})

describe('an upload journaled as sent before a restart', () => {
  it('is sent again when the node has no trace of it, and the item says so', async () => {
    const local = join(dataDir, 'again.txt')
    await writeFile(local, 'sent twice, said once')
    // Queued while no key is set, so nothing starts; then journaled as if its POST had begun.
    service = await createTestService({ apiUrl: emulator.apiUrl, dataDir })
    const added = await service.bridge.invoke('transfers:add', {
      kind: 'upload',
      paths: [local],
      folderId: 0,
    })
    expect(added.ok).toBe(true)
    await service.close()
    service = undefined
    const client = new FichierClient({ baseUrl: emulator.apiUrl, getKey: () => KEY })
    const { node } = await client.uploadServer()
    client.close()
    const { store, items } = await QueueStore.open(join(dataDir, 'queue'), { schema: TransferRecord })
    expect(items).toHaveLength(1)
    await store.putMany([
      { ...items[0]!, meta: { ...items[0]!.meta, node, xid: 'NeverSent01' } } as TransferRecord,
    ])
    await store.close()

    const before = emulator.control.listFiles(KEY).length
    service = await createTestService({ apiUrl: emulator.apiUrl, key: KEY, dataDir })
    const [done] = await waitForTransfers(service.bridge, allFinished)
    expect(done).toMatchObject({ status: 'completed', note: expect.stringContaining('Sent again') })
    expect(
      emulator.control
        .listFiles(KEY)
        .slice(before)
        .map((file) => file.name),
    ).toEqual(['again.txt'])
  })
})
