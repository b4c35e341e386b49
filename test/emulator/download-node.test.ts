import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, syntheticBytes, type RunningEmulator } from './index'
import { apiCall, jsonOf, rawRequest } from './raw-http'

const KEY = 'DownKeyDownKeyDownKeyDownKey0001'
const SIZE = 300_000
const SEED = 77
let em: RunningEmulator
let fileUrl: string
const expected = syntheticBytes(SEED, SIZE)

beforeAll(async () => {
  em = await startEmulator({ rateLimits: false, tokenTtlMs: 60_000, keys: [{ key: KEY }] })
  fileUrl = (
    await em.control.createFile({
      key: KEY,
      name: 'Résumé "final".bin',
      synthetic: { size: SIZE, seed: SEED },
    })
  ).url
})
afterAll(() => em.stop())

async function token(body: Record<string, unknown> = {}): Promise<string> {
  const json = jsonOf(await apiCall(em.apiUrl, 'download/get_token.cgi', { url: fileUrl, ...body }, KEY))
  expect(json.status).toBe('OK')
  return json.url as string
}

/** Reads headers and whatever body arrives before the server closes or resets the connection. */
function partialGet(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer; complete: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      const finish = (complete: boolean) =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), complete })
      res.on('end', () => finish(res.complete))
      res.on('error', () => finish(false))
      res.on('aborted', () => finish(false))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('download node', () => {
  it('serves the whole file with the documented headers', async () => {
    const response = await rawRequest(await token())
    expect(response.status).toBe(200)
    expect(response.body.equals(expected)).toBe(true)
    expect(response.headers).toMatchObject({
      'content-type': 'application/octet-stream',
      'content-length': String(SIZE),
      'accept-ranges': 'bytes',
      'access-control-allow-origin': '*',
      'content-disposition': `attachment; filename="R_sum_ _final_.bin"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22.bin`,
    })
    expect(response.headers.etag).toMatch(new RegExp(`^"[0-9a-f]+-${SIZE.toString(16)}-[0-9a-f]+"$`))
    expect(new Date(response.headers['last-modified'] ?? '').getTime()).toBeGreaterThan(0)
  })

  it('answers HEAD with the headers only', async () => {
    const response = await rawRequest(await token(), { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(response.headers['content-length']).toBe(String(SIZE))
    expect(response.body.length).toBe(0)
  })

  it('serves single ranges: bounded, open-ended and suffix, and 416 when unsatisfiable', async () => {
    const url = await token()
    const cases: [string, number, number][] = [
      ['bytes=0-0', 0, 0],
      ['bytes=1000-70000', 1000, 70000],
      ['bytes=299990-', 299990, SIZE - 1],
      ['bytes=-10', SIZE - 10, SIZE - 1],
      ['bytes=299000-999999', 299000, SIZE - 1],
    ]
    for (const [range, start, end] of cases) {
      const response = await rawRequest(url, { headers: { Range: range } })
      expect(response.status, range).toBe(206)
      expect(response.headers['content-range']).toBe(`bytes ${start}-${end}/${SIZE}`)
      expect(response.headers['content-length']).toBe(String(end - start + 1))
      expect(response.body.equals(expected.subarray(start, end + 1)), range).toBe(true)
    }
    const unsatisfiable = await rawRequest(url, { headers: { Range: `bytes=${SIZE}-` } })
    expect(unsatisfiable.status).toBe(416)
    expect(unsatisfiable.headers['content-range']).toBe(`bytes */${SIZE}`)
    expect((await rawRequest(url, { headers: { Range: 'bytes=0-1,5-6' } })).status).toBe(200)
  })

  it('honours If-Range: a stale validator gets the whole file', async () => {
    const url = await token()
    const etag = (await rawRequest(url, { method: 'HEAD' })).headers.etag ?? ''
    expect((await rawRequest(url, { headers: { Range: 'bytes=10-', 'If-Range': etag } })).status).toBe(206)
    expect((await rawRequest(url, { headers: { Range: 'bytes=10-', 'If-Range': '"other"' } })).status).toBe(
      200,
    )
  })

  it('one-shot tokens (single:1) serve one request; others are reusable until they expire', async () => {
    const single = await token({ single: 1 })
    expect((await rawRequest(single, { headers: { Range: 'bytes=0-9' } })).status).toBe(206)
    expect((await rawRequest(single, { headers: { Range: 'bytes=10-19' } })).status).toBe(403)
    const reusable = await token()
    for (let i = 0; i < 3; i++)
      expect((await rawRequest(reusable, { headers: { Range: 'bytes=0-9' } })).status).toBe(206)
    em.control.expireAllTokens()
    expect((await rawRequest(reusable)).status).toBe(403)
    em.control.setTokenTtl(1)
    const short = await token()
    await new Promise((resolve) => setTimeout(resolve, 10))
    em.control.setTokenTtl(60_000)
    expect((await rawRequest(short)).status).toBe(403)
    expect((await rawRequest(`${em.origin}/p1234567890`)).status).toBe(404)
  })

  it('counts bytes served, so a resume can be shown to fetch only the missing part', async () => {
    em.control.resetStats()
    await rawRequest(await token(), { headers: { Range: 'bytes=250000-' } })
    const stats = em.control.stats()
    expect(stats.bytesServed).toBe(50_000)
    expect(stats.requests['/download']).toBe(1)
    expect(stats.downloadStatuses['206']).toBe(1)
    expect(stats.activeConnections).toBe(0)
  })

  it('resets a download after N bytes, then serves normally', async () => {
    const url = await token()
    em.control.resetDownloadAfter(100_000)
    const cut = await partialGet(url)
    expect(cut.complete).toBe(false)
    expect(cut.body.length).toBe(100_000)
    expect(cut.body.equals(expected.subarray(0, 100_000))).toBe(true)
    const whole = await partialGet(url)
    expect(whole.complete).toBe(true)
    expect(whole.body.length).toBe(SIZE)
  })

  it('sends a wrong length when told', async () => {
    const url = await token()
    em.control.wrongLengthNext({ delta: -1000 })
    const short = await partialGet(url)
    expect(short.headers['content-length']).toBe(String(SIZE - 1000))
    expect(short.body.length).toBe(SIZE - 1000)
    em.control.wrongLengthNext({ delta: 1000 })
    const long = await partialGet(url)
    expect(long.headers['content-length']).toBe(String(SIZE + 1000))
    expect(long.complete).toBe(false)
    expect(long.body.length).toBe(SIZE)
  })

  it('fails the next download with an injected status', async () => {
    const url = await token()
    em.control.failNext({ path: 'download', status: 503, body: 'busy' })
    const failed = await rawRequest(url)
    expect(failed.status).toBe(503)
    expect(failed.text).toBe('busy')
    expect((await rawRequest(url)).status).toBe(200)
  })

  it('caps simultaneous connections per account and tracks them', async () => {
    em.control.setMaxConnections(1)
    em.control.stallNext({ afterBytes: 1000 })
    const url = await token()
    const stalled = new Promise<void>((resolve, reject) => {
      const req = request(url, { agent: false }, (res) => {
        res.once('data', async () => {
          try {
            expect(em.control.stats().activeConnections).toBe(1)
            expect((await rawRequest(url)).status).toBe(403)
            expect(em.control.stats().refusedConnections).toBeGreaterThan(0)
            req.destroy()
            resolve()
          } catch (error) {
            reject(error)
          }
        })
      })
      req.end()
    })
    await stalled
    em.control.setMaxConnections(30)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(em.control.stats().activeConnections).toBe(0)
    expect(em.control.stats().peakConnections).toBeGreaterThanOrEqual(1)
  })

  it('limits the speed of a connection when capped', async () => {
    em.control.setSpeedCap(200_000)
    const began = Date.now()
    const response = await rawRequest(await token(), { headers: { Range: 'bytes=0-99999' } })
    const elapsed = Date.now() - began
    em.control.setSpeedCap(0)
    expect(response.body.length).toBe(100_000)
    // 100 kB at 200 kB/s cannot arrive in much less than half a second.
    expect(elapsed).toBeGreaterThanOrEqual(400)
  })
})
