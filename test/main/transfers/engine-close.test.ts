import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { QueueStore } from '../../../src/main/core/queue/queue-store'
import { TransferRecord } from '../../../src/main/core/transfers/transfer-record'
import { createTestService, type TestService } from '../../helpers/test-service'
import { allFinished, waitForTransfers } from '../../helpers/wait-for-transfers'

const KEY = 'CloseKeyCloseKeyCloseKeyCloseK01'

let emulator: RunningEmulator
let dataDir: string
let service: TestService | undefined

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
  dataDir = await mkdtemp(join(tmpdir(), 'fd-close-'))
})

afterAll(async () => {
  await service?.close()
  await emulator.stop()
  // The job left behind by the bounded close wakes when the emulator drops its held answer, and may
  // still be writing its key's budget meanwhile.
  await rm(dataDir, { recursive: true, force: true, maxRetries: 10 })
})

describe('closing the core while a transfer ignores its abort', () => {
  it('ends within its bound, with the journal saying the transfer was interrupted, and the restart finishes it', async () => {
    const local = join(dataDir, 'notes.txt')
    await writeFile(local, 'attributes are set after the upload')
    // Setting the file's attributes takes no abort signal: while 1fichier holds that answer, the
    // job cannot stop.
    emulator.control.stallNext({ path: '/v1/file/chattr.cgi' })
    service = await createTestService({
      apiUrl: emulator.apiUrl,
      key: KEY,
      dataDir,
      engine: { closeTimeoutMs: 500 },
    })
    const added = await service.bridge.invoke('transfers:add', {
      kind: 'upload',
      paths: [local],
      folderId: 0,
      options: { description: 'held' },
    })
    expect(added.ok).toBe(true)
    const deadline = Date.now() + 20_000
    while (!emulator.control.stats().requests['/v1/file/chattr.cgi'] && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(emulator.control.stats().requests['/v1/file/chattr.cgi']).toBe(1)

    // Without a bound this waits for the API client's timeout and retries (minutes).
    await service.close()
    service = undefined

    const { store, items } = await QueueStore.open(join(dataDir, 'queue'), { schema: TransferRecord })
    await store.close()
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ status: 'queued', kind: 'upload' })
    expect(items[0]!.meta).toMatchObject({ node: expect.any(String), xid: expect.any(String) })

    emulator.control.reset()
    service = await createTestService({ apiUrl: emulator.apiUrl, key: KEY, dataDir })
    const [done] = await waitForTransfers(service.bridge, allFinished)
    expect(done).toMatchObject({ status: 'completed', name: 'notes.txt' })
    expect(emulator.control.listFiles(KEY).filter((file) => file.name === 'notes.txt')).toHaveLength(1)
  }, 30_000)
})
