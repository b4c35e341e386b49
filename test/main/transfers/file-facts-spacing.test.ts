import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { FichierClient } from '../../../src/main/core/fichier/fichier-client'
import { createFichierTransferApi } from '../../../src/main/core/transfers/fichier-transfer-api'

const OWNER = 'OwnerKeyOwnerKeyOwnerKeyOwnerK01'
const READER = 'ReaderKeyReaderKeyReaderKeyRead1'
// A tight burst rule, so that the test is short: more than 3 file/info calls within 1 s lock.
const BURST = { max: 3, windowMs: 1000, lockMs: 60_000 }

let emulator: RunningEmulator
let client: FichierClient
let links: string[]

beforeAll(async () => {
  emulator = await startEmulator({
    rateLimits: false,
    fileInfoBurst: BURST,
    keys: [{ key: OWNER }, { key: READER }],
  })
  client = new FichierClient({
    baseUrl: emulator.apiUrl,
    getKey: () => READER,
    callsPerSecond: 100,
    retry: { baseMs: 5, maxMs: 20 },
  })
  links = await Promise.all(
    Array.from(
      { length: 6 },
      async (_, i) =>
        (await emulator.control.createFile({ key: OWNER, name: `shared-${i}.bin`, content: `file ${i}` }))
          .url,
    ),
  )
})

afterAll(async () => {
  client.close()
  await emulator.stop()
})

beforeEach(() => {
  emulator.control.reset()
  emulator.control.resetStats()
})

describe('file/info for foreign links', () => {
  it('a burst of file/info gets Owner locked #649', async () => {
    const answers = await Promise.allSettled(links.map((link) => client.fileInfo(link)))
    const refused = answers.filter((answer) => answer.status === 'rejected')
    expect(refused.length).toBeGreaterThan(0)
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({
      code: 'OWNER_LOCKED',
      serverCode: 649,
    })
  })

  it('the engine spaces its file/info calls, so verifying many links never locks', async () => {
    const api = createFichierTransferApi(client, {
      fileInfoIntervalMs: BURST.windowMs / (BURST.max - 1) + 100,
    })
    const signal = new AbortController().signal
    const facts = await Promise.all(links.map((link) => api.fileFacts(link, undefined, signal)))
    expect(facts.map((fact) => fact.name)).toEqual(links.map((_, i) => `shared-${i}.bin`))
    expect(emulator.control.stats().requests['/v1/file/info.cgi']).toBe(links.length)
  })
})
