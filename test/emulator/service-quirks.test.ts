import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from './index'
import { apiCall, jsonOf, multipartBody, rawRequest } from './raw-http'

const KEY = 'QuirkKeyQuirkKeyQuirkKeyQuirk001'
let em: RunningEmulator

beforeAll(async () => {
  em = await startEmulator({ rateLimits: false, keys: [{ key: KEY }], freshUploadDelayMs: 3000 })
})
afterAll(() => em.stop())

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

async function getToken(url: string): Promise<Record<string, unknown> & { status?: unknown }> {
  const response = await apiCall(em.apiUrl, 'download/get_token.cgi', { url }, KEY)
  expect(response.status).toBe(200)
  return jsonOf(response)
}

async function uploadNow(name: string, value: string): Promise<string> {
  const server = jsonOf(await apiCall(em.apiUrl, 'upload/get_upload_server.cgi', undefined))
  const boundary = 'b0b1b2b3b4b5'
  await rawRequest(`http://${server.url as string}/upload.cgi?id=${server.id as string}`, {
    method: 'POST',
    headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, Authorization: `Bearer ${KEY}` },
    body: multipartBody(boundary, [{ name: 'file[]', filename: name, value }]),
  })
  const report = jsonOf(
    await rawRequest(`http://${server.url as string}/end.pl?xid=${server.id as string}`, {
      headers: { JSON: '1' },
    }),
  )
  return (report.links as Array<{ download: string }>)[0]!.download
}

describe('a fresh upload is not downloadable at once', () => {
  it('answers get_token with HTTP 200 KO, then the URL with 404, then the file', async () => {
    const link = await uploadNow('fresh.txt', 'just uploaded')
    const tokenAnswers: unknown[] = []
    let token = await getToken(link)
    while (token.status !== 'OK') {
      tokenAnswers.push(token.status)
      await sleep(100)
      token = await getToken(link)
    }
    expect(tokenAnswers[0]).toBe('KO')
    const statuses: number[] = []
    let answer = await rawRequest(token.url as string)
    while (answer.status !== 200) {
      statuses.push(answer.status)
      await sleep(100)
      answer = await rawRequest(token.url as string)
    }
    expect(statuses[0]).toBe(404)
    expect(new Set(statuses)).toEqual(new Set([404]))
    expect(answer.body.toString()).toBe('just uploaded')
  })

  it('serves files made through the control at once, and uploads at once when the delay is 0', async () => {
    const made = await em.control.createFile({ key: KEY, name: 'seeded.txt', content: 'seeded' })
    expect((await getToken(made.url)).status).toBe('OK')
    em.control.setSwitches({ freshUploadDelayMs: 0 })
    try {
      const link = await uploadNow('instant.txt', 'instant')
      expect((await getToken(link)).status).toBe('OK')
    } finally {
      em.control.setSwitches({ freshUploadDelayMs: 3000 })
    }
  })
})

describe('web pages instead of the file', () => {
  it('serves the too-fast, maintenance, /?c=DB and VPN pages when asked', async () => {
    const file = await em.control.createFile({ key: KEY, name: 'pages.bin', content: 'file bytes' })
    const url = (await getToken(file.url)).url as string
    for (const kind of ['too-fast', 'maintenance'] as const) {
      em.control.htmlPageNext({ kind })
      const page = await rawRequest(url)
      expect(page.status).toBe(200)
      expect(page.headers['content-type']).toMatch(/^text\/html/)
    }
    em.control.htmlPageNext({ kind: 'redirect-db' })
    const redirect = await rawRequest(url)
    expect(redirect.status).toBe(302)
    expect(redirect.headers.location).toBe('/?c=DB')
    const home = await rawRequest(new URL('/?c=DB', url).toString())
    expect(home.status).toBe(200)
    expect(home.headers['content-type']).toMatch(/^text\/html/)
    em.control.htmlPageNext({ kind: 'vpn' })
    const vpn = await rawRequest(url)
    expect(vpn.status).toBe(403)
    expect(vpn.body.toString()).toMatch(/VPN/)
    expect((await rawRequest(url)).body.toString()).toBe('file bytes')
  })

  it('answers the first request of a file with a page at the configured rate', async () => {
    em.control.setSwitches({ htmlFirstRequestRate: 1 })
    try {
      const file = await em.control.createFile({ key: KEY, name: 'first.bin', content: 'first bytes' })
      const url = (await getToken(file.url)).url as string
      const first = await rawRequest(url)
      expect(first.status).toBe(200)
      expect(first.headers['content-type']).toMatch(/^text\/html/)
      const second = await rawRequest(url)
      expect(second.headers['content-type']).toBe('application/octet-stream')
      expect(second.body.toString()).toBe('first bytes')
    } finally {
      em.control.setSwitches({ htmlFirstRequestRate: 0 })
    }
  })
})

describe('download nodes', () => {
  it('gives each node its own ETag for the same file, and If-Range with another node’s ETag gets the whole file', async () => {
    const file = await em.control.createFile({ key: KEY, name: 'etag.bin', content: '0123456789' })
    const a = (await getToken(file.url)).url as string
    const b = (await getToken(file.url)).url as string
    const etagA = (await rawRequest(a)).headers.etag
    const etagB = (await rawRequest(b)).headers.etag
    expect(etagA).toBeTruthy()
    expect(etagB).toBeTruthy()
    expect(etagA).not.toBe(etagB)
    const crossed = await rawRequest(b, { headers: { Range: 'bytes=4-', 'If-Range': String(etagA) } })
    expect(crossed.status).toBe(200)
    const plain = await rawRequest(b, { headers: { Range: 'bytes=4-' } })
    expect(plain.status).toBe(206)
    expect(plain.body.toString()).toBe('456789')
  })
})

describe('names with characters 1fichier refuses', () => {
  it('refuses them in mkdir and renames, and drops them from uploaded names', async () => {
    for (const name of ['cash $', 'a<b', ' lead', 'trail ', "it's"]) {
      const answer = await apiCall(em.apiUrl, 'folder/mkdir.cgi', { name, folder_id: 0 }, KEY)
      expect(answer.status).toBe(403)
      expect(jsonOf(answer).status).toBe('KO')
    }
    const file = await em.control.createFile({ key: KEY, name: 'plain.txt', content: 'x' })
    const rename = jsonOf(
      await apiCall(em.apiUrl, 'file/rename.cgi', { urls: [{ url: file.url, filename: 'a"b' }] }, KEY),
    )
    expect(rename.status).toBe('KO')
    const link = await uploadNow("  it's <$name>`.txt", 'odd')
    expect(em.control.listFiles(KEY).find((f) => f.url === link)?.name).toBe('its name.txt')
  })
})

describe('bursts of file/info', () => {
  it('answers Owner locked #649 after more than 8 calls within 5 s, by default', async () => {
    const file = await em.control.createFile({ key: KEY, name: 'looked-at.txt', content: 'x' })
    const statuses: unknown[] = []
    for (let i = 0; i < 10; i++) {
      statuses.push(jsonOf(await apiCall(em.apiUrl, 'file/info.cgi', { url: file.url }, KEY)).message ?? 'OK')
    }
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill('OK'))
    expect(statuses.slice(8)).toEqual(['Owner locked #649', 'Owner locked #649'])
    em.control.reset()
  })
})
