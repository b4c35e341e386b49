import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { FichierClient } from '../../../src/main/core/fichier/fichier-client'
import { systemClock } from '../../../src/main/core/lib/clock'
import { systemScheduler } from '../../../src/main/core/lib/scheduler'
import { createFichierTransferApi } from '../../../src/main/core/transfers/fichier-transfer-api'
import { RemoteUploads } from '../../../src/main/core/transfers/upload/remote-uploads'

const KEY = 'RemoteKeyRemoteKeyRemoteKeyRe01'
const POLL_MS = 50

let emulator: RunningEmulator
let client: FichierClient
let key: string
let remote: RemoteUploads

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
  client = new FichierClient({
    baseUrl: emulator.apiUrl,
    getKey: () => key,
    callsPerSecond: 100,
    retry: { baseMs: 5, maxMs: 20 },
  })
})

afterAll(async () => {
  client.close()
  await emulator.stop()
})

beforeEach(() => {
  key = KEY
  emulator.control.reset()
  // Jobs that do not run during the test: the poller keeps waiting unless told to stop.
  emulator.control.setSwitches({ remoteDelayMs: 60 * 60_000 })
  remote = new RemoteUploads(createFichierTransferApi(client), systemClock, systemScheduler, POLL_MS)
  return () => emulator.control.setSwitches({ remoteDelayMs: 0 })
})

describe('the remote-upload poller', () => {
  it('stops on a revoked key and ends the wait with the auth error', async () => {
    const jobId = await remote.submit('https://example.com/a.iso', 0)
    const outcome = remote.result(jobId, 'https://example.com/a.iso', new AbortController().signal)
    await sleep(3 * POLL_MS)
    key = 'RevokedKeyRevokedKeyRevokedKe01'
    await expect(outcome).rejects.toMatchObject({ code: 'AUTH_INVALID_KEY' })
    const requests = emulator.control.stats().requests
    await sleep(5 * POLL_MS)
    expect(emulator.control.stats().requests).toEqual(requests)
  })

  it('stops polling once the last wait is aborted', async () => {
    const jobId = await remote.submit('https://example.com/b.iso', 0)
    const controller = new AbortController()
    const outcome = remote.result(jobId, 'https://example.com/b.iso', controller.signal)
    await sleep(3 * POLL_MS)
    controller.abort(new Error('paused'))
    await expect(outcome).rejects.toThrow('paused')
    await sleep(POLL_MS)
    const requests = emulator.control.stats().requests
    await sleep(5 * POLL_MS)
    expect(emulator.control.stats().requests).toEqual(requests)
  })

  it('withdraws a URL whose submission is aborted before it is sent', async () => {
    const controller = new AbortController()
    const requests = emulator.control.stats().requests
    const withdrawn = remote.submit('https://example.com/c.iso', 0, controller.signal)
    controller.abort(new Error('canceled'))
    await expect(withdrawn).rejects.toThrow('canceled')
    await sleep(300)
    expect(emulator.control.stats().requests).toEqual(requests)
  })
})
