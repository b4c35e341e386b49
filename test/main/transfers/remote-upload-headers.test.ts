import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { createTestService, type TestService } from '../../helpers/test-service'
import { allFinished, waitForTransfers } from '../../helpers/wait-for-transfers'

const KEY = 'RemoteHdrKeyRemoteHdrKeyRemoteH1'
const BODY = Buffer.from('members only\n'.repeat(100))

let emulator: RunningEmulator
let service: TestService
let origin: Server
let base: string
const seen: Array<string | undefined> = []

beforeAll(async () => {
  // A source that serves its file only to a request carrying the session cookie.
  origin = createServer((request, response) => {
    seen.push(request.headers.cookie)
    if (request.headers.cookie !== 'session=abc123') {
      response.writeHead(403).end('forbidden')
      return
    }
    response.writeHead(200, { 'content-length': BODY.length }).end(BODY)
  })
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
  service = await createTestService({
    apiUrl: emulator.apiUrl,
    key: KEY,
    engine: { remotePollMs: 100 },
    client: { listingIntervalMs: 0 },
  })
})

afterAll(async () => {
  await service.close()
  await emulator.stop()
  await new Promise((resolve) => origin.close(resolve))
})

describe('remote upload headers', () => {
  it('are sent by 1fichier with its request for the URL, one job per set of headers', async () => {
    const requestsBefore = emulator.control.stats().requests['/v1/remote/request.cgi'] ?? 0
    const withCookie = await service.bridge.invoke('transfers:add', {
      kind: 'remote-upload',
      urls: [`${base}/members.zip`],
      folderId: 0,
      headers: { Cookie: 'session=abc123' },
    })
    const without = await service.bridge.invoke('transfers:add', {
      kind: 'remote-upload',
      urls: [`${base}/public.zip`],
      folderId: 0,
    })
    expect(withCookie.ok && without.ok).toBe(true)
    const items = await waitForTransfers(
      service.bridge,
      (list) => list.length === 2 && allFinished(list),
      20_000,
    )
    const members = items.find((item) => item.source.endsWith('/members.zip'))
    const open = items.find((item) => item.source.endsWith('/public.zip'))
    expect(members?.status).toBe('completed')
    expect(open?.status).toBe('failed')
    const stored = emulator.control.listFiles(KEY).find((file) => file.name === 'members.zip')
    expect(stored && emulator.control.readFile(KEY, stored.id).equals(BODY)).toBe(true)
    expect(members?.link).toBe(stored?.url)
    expect(seen.sort()).toEqual(['session=abc123', undefined].sort())
    // Different headers cannot share a request.
    expect((emulator.control.stats().requests['/v1/remote/request.cgi'] ?? 0) - requestsBefore).toBe(2)
  })

  it('refuses headers 1fichier would refuse, before anything is sent', async () => {
    const refused = await service.bridge.invoke('transfers:add', {
      kind: 'remote-upload',
      urls: [`${base}/x.zip`],
      folderId: 0,
      headers: { 'Bad Name': 'v' },
    })
    expect(refused.ok).toBe(false)
    if (!refused.ok)
      expect(refused.error.message).toContain('"Bad Name" is not a header name 1fichier accepts')
  })
})
