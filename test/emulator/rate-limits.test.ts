import { afterEach, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from './index'
import { apiCall, jsonOf } from './raw-http'

const KEY = 'RateKeyRateKeyRateKeyRateKey0001'
let em: RunningEmulator | undefined
afterEach(() => em?.stop())

const FLOOD = { status: 'KO', message: 'Flood detected: IP Locked #374' }
const call = (action: string, body: unknown = {}) =>
  apiCall((em as RunningEmulator).apiUrl, action, body, KEY)

describe('rate limits', () => {
  it('locks an IP that sends more than its burst of 3 requests at once, for the lock time', async () => {
    em = await startEmulator({ keys: [{ key: KEY }], rateLimits: { lockMs: 300, folderListIntervalMs: 0 } })
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) statuses.push((await call('folder/ls.cgi')).status)
    expect(statuses).toEqual([200, 200, 200, 403])
    const locked = await call('folder/ls.cgi')
    expect(locked.status).toBe(403)
    expect(locked.json).toEqual(FLOOD)
    expect(em.control.stats().floodLocks).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 350))
    expect((await call('folder/ls.cgi')).status).toBe(200)
  })

  it('locks an IP whose sustained rate is above the limit, not one that keeps under it', async () => {
    // Scaled up (20/s instead of 2/s) to keep the test short; the bucket works the same at any rate.
    em = await startEmulator({
      keys: [{ key: KEY }],
      rateLimits: { perSecond: 20, burst: 3, lockMs: 60_000, folderListIntervalMs: 0 },
    })
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
    // Every 100 ms is half the allowed rate: 30 calls go through.
    for (let i = 0; i < 30; i++) {
      expect((await call('folder/ls.cgi')).status).toBe(200)
      await pause(100)
    }
    expect(em.control.stats().floodLocks).toBe(0)
    // Twice the allowed rate, each call well apart from the previous one: the bucket runs dry.
    const statuses: number[] = []
    for (let i = 0; i < 40 && !statuses.includes(403); i++) {
      statuses.push((await call('folder/ls.cgi')).status)
      await pause(25)
    }
    expect(statuses.at(-1)).toBe(403)
    expect(statuses.length).toBeGreaterThan(3)
    expect(em.control.stats().floodLocks).toBe(1)
  })

  it('uses the configured flood code', async () => {
    em = await startEmulator({
      keys: [{ key: KEY }],
      rateLimits: { perSecond: 1, burst: 1, floodCode: 412, folderListIntervalMs: 0 },
    })
    await call('folder/ls.cgi')
    expect(jsonOf(await call('folder/ls.cgi')).message).toBe('Flood detected: IP Locked #412')
  })

  it('allows user/info once per interval per user (#38) and one listing per folder per interval', async () => {
    em = await startEmulator({ keys: [{ key: KEY }], rateLimits: { perSecond: 100, burst: 100 } })
    expect((await call('user/info.cgi')).status).toBe(200)
    const again = await call('user/info.cgi')
    expect(again.status).toBe(403)
    expect(again.json).toEqual({ status: 'KO', message: 'Flood detected: IP Locked #38' })
    const other = em.control.createFolder({ key: KEY, name: 'Other' })
    expect((await call('file/ls.cgi', { folder_id: 0 })).status).toBe(200)
    expect((await call('folder/ls.cgi', { folder_id: 0 })).status).toBe(200)
    expect((await call('file/ls.cgi', { folder_id: 0 })).json).toEqual(FLOOD)
    expect((await call('folder/ls.cgi', { folder_id: 0 })).json).toEqual(FLOOD)
    expect((await call('file/ls.cgi', { folder_id: other.id })).status).toBe(200)
    expect((await call('file/ls.cgi', { folder_id: -1 })).status).toBe(200)
    expect((await call('file/ls.cgi', { folder_id: -1 })).status).toBe(403)
    expect(em.control.stats().rateLimited).toBe(4)
  })

  it('can lock now, and be switched off', async () => {
    em = await startEmulator({ keys: [{ key: KEY }], rateLimits: false })
    for (let i = 0; i < 10; i++) expect((await call('folder/ls.cgi')).status).toBe(200)
    em.control.floodLockNow(200)
    expect((await call('folder/ls.cgi')).json).toEqual(FLOOD)
    await new Promise((resolve) => setTimeout(resolve, 250))
    expect((await call('folder/ls.cgi')).status).toBe(200)
  })

  it('injects failures on a given endpoint', async () => {
    em = await startEmulator({ keys: [{ key: KEY }], rateLimits: false })
    em.control.failNext({
      path: '/v1/file/ls.cgi',
      times: 2,
      status: 500,
      body: { status: 'KO', message: 'Internal #1' },
    })
    expect((await call('file/ls.cgi')).status).toBe(500)
    expect((await call('folder/ls.cgi')).status).toBe(200)
    expect((await call('file/ls.cgi')).status).toBe(500)
    expect((await call('file/ls.cgi')).status).toBe(200)
    em.control.failNext({ path: '/v1/*', status: 429, body: 'slow down', headers: { 'Retry-After': '1' } })
    const limited = await call('user/info.cgi')
    expect(limited.status).toBe(429)
    expect(limited.headers['retry-after']).toBe('1')
  })

  it('stalls the next call of an endpoint until the client gives up', async () => {
    em = await startEmulator({ keys: [{ key: KEY }], rateLimits: false })
    em.control.stallNext({ path: '/v1/folder/ls.cgi' })
    const stalled = fetch(`${em.apiUrl}/folder/ls.cgi`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${KEY}` },
      body: '{}',
      signal: AbortSignal.timeout(300),
    })
    await expect(stalled).rejects.toThrow()
    expect((await call('folder/ls.cgi')).status).toBe(200)
  })
})

describe('bans and locations', () => {
  it('bans an IP after repeated error answers when configured', async () => {
    em = await startEmulator({
      keys: [{ key: KEY }],
      rateLimits: { perSecond: 100, burst: 100, banAfterErrors: 3, banMs: 60_000 },
    })
    for (let i = 0; i < 3; i++)
      expect(
        (await call('file/info.cgi', { url: 'https://1fichier.com/?aaaaaaaaaaaaaaaaaaaa' })).status,
      ).toBe(404)
    const banned = await call('folder/ls.cgi')
    expect(banned.status).toBe(403)
    expect(banned.json).toEqual({ status: 'KO', message: 'IP Locked #186' })
  })

  it('refuses a key used from a second IP when one location is enforced', async () => {
    em = await startEmulator({ keys: [{ key: KEY }], rateLimits: false, oneLocationMs: 60_000 })
    expect((await call('folder/ls.cgi')).status).toBe(200)
    const { request } = await import('node:http')
    const other = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${(em as RunningEmulator).apiUrl}/folder/ls.cgi`,
        {
          method: 'POST',
          localAddress: '127.0.0.2',
          agent: false,
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${KEY}` },
        },
        (res) => {
          let body = ''
          res.on('data', (chunk: Buffer) => (body += chunk.toString()))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
        },
      )
      req.on('error', reject)
      req.end('{}')
    })
    expect(other.status).toBe(403)
    expect(JSON.parse(other.body)).toEqual({
      status: 'KO',
      message: 'Only 1 location allowed at a time #887',
    })
  })
})
