import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_KEY, startEmulator } from './index'
import { apiCall, jsonOf, multipartBody, rawRequest } from './raw-http'

const KEY = 'HostKeyHostKeyHostKeyHostKey0001'
let temp: string

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'emulator-hosting-'))
})
afterAll(() => rmSync(temp, { recursive: true, force: true }))

describe('serving', () => {
  it('runs over HTTPS with a self-signed certificate', async () => {
    const cert = join(temp, 'cert.pem')
    const key = join(temp, 'key.pem')
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
      ],
      { stdio: 'ignore' },
    )
    const em = await startEmulator({
      rateLimits: false,
      keys: [{ key: KEY }],
      tls: { cert: readFileSync(cert), key: readFileSync(key) },
    })
    try {
      expect(em.apiUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v1$/)
      const file = await em.control.createFile({ key: KEY, name: 'tls.txt', content: 'secure' })
      const token = jsonOf(
        await apiCall(em.apiUrl, 'download/get_token.cgi', { url: file.url }, KEY, { insecure: true }),
      )
      expect(token.url).toMatch(/^https:\/\//)
      expect((await rawRequest(token.url as string, { insecure: true })).text).toBe('secure')
      await expect(rawRequest(`${em.apiUrl}/folder/ls.cgi`)).rejects.toThrow()
    } finally {
      await em.stop()
    }
  })

  it('advertises public host names for upload and download nodes', async () => {
    const em = await startEmulator({ rateLimits: false, keys: [{ key: KEY }], publicHosts: ['1fichier.com'] })
    try {
      const server = jsonOf(await apiCall(em.apiUrl, 'upload/get_upload_server.cgi', undefined))
      expect(server.url).toMatch(/^up\d+\.1fichier\.com$/)
      const file = await em.control.createFile({ key: KEY, name: 'p.txt', content: 'p' })
      const token = jsonOf(await apiCall(em.apiUrl, 'download/get_token.cgi', { url: file.url }, KEY))
      expect(token.url).toMatch(/^http:\/\/a-\d+\.1fichier\.com\/p\d{10}$/)
      // The node answers whatever Host it is reached under (DNS override or proxy).
      const path = new URL(token.url as string).pathname
      expect((await rawRequest(`${em.origin}${path}`)).text).toBe('p')
    } finally {
      await em.stop()
    }
  })

  it('keeps uploaded files and state across a restart when given a data folder', async () => {
    const dataDir = join(temp, 'data')
    // About persistence: the fresh-upload delay is off.
    const first = await startEmulator({
      rateLimits: false,
      keys: [{ key: KEY }],
      dataDir,
      freshUploadDelayMs: 0,
    })
    const folder = first.control.createFolder({ key: KEY, name: 'Kept' })
    const server = jsonOf(await apiCall(first.apiUrl, 'upload/get_upload_server.cgi', undefined))
    const upload = await rawRequest(`http://${server.url as string}/upload.cgi?id=${server.id as string}`, {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=xyz', Authorization: `Bearer ${KEY}` },
      body: multipartBody('xyz', [
        { name: 'did', value: String(folder.id) },
        { name: 'file[]', filename: 'kept.txt', value: 'still here' },
      ]),
    })
    expect(upload.status).toBe(302)
    await first.stop()
    const second = await startEmulator({ rateLimits: false, dataDir, freshUploadDelayMs: 0 })
    try {
      const listing = jsonOf(await apiCall(second.apiUrl, 'file/ls.cgi', { folder_id: folder.id }, KEY))
      const item = (listing.items as { url: string; filename: string }[])[0]
      expect(item?.filename).toBe('kept.txt')
      const token = jsonOf(await apiCall(second.apiUrl, 'download/get_token.cgi', { url: item?.url }, KEY))
      expect((await rawRequest(token.url as string)).text).toBe('still here')
    } finally {
      await second.stop()
    }
  })

  it('exposes stats and control over HTTP, from loopback', async () => {
    const em = await startEmulator({ rateLimits: false, keys: [{ key: KEY }] })
    try {
      await apiCall(em.apiUrl, 'folder/ls.cgi', {}, KEY)
      const stats = jsonOf(await rawRequest(`${em.origin}/__emulator/stats`))
      for (const name of ['requests', 'bytesServed', 'bytesReceived', 'floodLocks', 'activeConnections'])
        expect(stats).toHaveProperty(name)
      expect((stats.requests as Record<string, number>)['/v1/folder/ls.cgi']).toBe(1)
      const created = jsonOf(
        await rawRequest(`${em.origin}/__emulator/createFile`, {
          method: 'POST',
          body: JSON.stringify({ key: KEY, name: 'h.txt', content: 'via http' }),
        }),
      )
      const read = jsonOf(
        await rawRequest(`${em.origin}/__emulator/readFile`, {
          method: 'POST',
          body: JSON.stringify({ args: [KEY, created.id] }),
        }),
      )
      expect(Buffer.from(read.base64 as string, 'base64').toString()).toBe('via http')
      await rawRequest(`${em.origin}/__emulator/floodLockNow`, {
        method: 'POST',
        body: JSON.stringify({ args: [60_000] }),
      })
      expect((await apiCall(em.apiUrl, 'folder/ls.cgi', {}, KEY)).status).toBe(403)
      await rawRequest(`${em.origin}/__emulator/reset`, { method: 'POST' })
      expect((await apiCall(em.apiUrl, 'folder/ls.cgi', {}, KEY)).status).toBe(200)
      expect((await rawRequest(`${em.origin}/__emulator/nothing`, { method: 'POST' })).status).toBe(404)
    } finally {
      await em.stop()
    }
  })
})

describe('website and remote upload', () => {
  it('lists a public folder as JSON, asking a password when protected', async () => {
    const em = await startEmulator({ rateLimits: false, keys: [{ key: KEY }] })
    try {
      const open = em.control.createFolder({ key: KEY, name: 'Open' })
      const file = await em.control.createFile({
        key: KEY,
        folderId: open.id,
        name: 'o.txt',
        content: 'open',
      })
      const share = em.control.shareFolder({ key: KEY, folderId: open.id })
      const listing = await rawRequest(`${share.localUrl}?json=1`)
      expect(listing.headers['content-type']).toBe('application/json; charset=utf-8')
      expect(listing.json).toEqual([{ filename: 'o.txt', link: file.url, size: 4, password: 0, acl: 0 }])
      const closed = em.control.createFolder({ key: KEY, name: 'Closed' })
      await em.control.createFile({ key: KEY, folderId: closed.id, name: 'c.txt', content: 'c' })
      const locked = em.control.shareFolder({ key: KEY, folderId: closed.id, password: 'letmein' })
      const form = await rawRequest(`${locked.localUrl}?json=1`)
      expect(form.headers['content-type']).toContain('text/html')
      expect(form.text).toContain('name="pass"')
      const formHeaders = { 'Content-Type': 'application/x-www-form-urlencoded' }
      const rcloneStyle = await rawRequest(locked.localUrl, {
        method: 'POST',
        headers: formHeaders,
        body: 'json=1&pass=letmein',
      })
      expect((rcloneStyle.json as unknown[]).length).toBe(1)
      const jdStyle = await rawRequest(`${locked.localUrl}?json=1`, {
        method: 'POST',
        headers: formHeaders,
        body: 'pass=letmein',
      })
      expect((jdStyle.json as unknown[]).length).toBe(1)
      expect((await rawRequest(`${em.origin}/dir/unknown00?json=1`)).status).toBe(404)
      const check = await rawRequest(`${em.origin}/check_links.pl`, {
        method: 'POST',
        headers: formHeaders,
        body: `links[]=${encodeURIComponent(file.url)}&links[]=${encodeURIComponent('https://1fichier.com/?zzzzzzzzzzzzzzzzzzzz')}`,
      })
      expect(check.text).toBe(`${file.url};o.txt;4\nhttps://1fichier.com/?zzzzzzzzzzzzzzzzzzzz;;;NOT FOUND\n`)
    } finally {
      await em.stop()
    }
  })

  it('runs remote-upload jobs that fetch loopback URLs', async () => {
    const source: Server = createServer((req, res) => {
      if (req.url === '/missing') {
        res.writeHead(404).end()
        return
      }
      res
        .writeHead(200, { 'Content-Disposition': 'attachment; filename="remote.bin"' })
        .end(`got ${req.headers['x-token'] ?? 'none'}`)
    })
    await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(source.address() as AddressInfo).port}`
    const em = await startEmulator({
      rateLimits: false,
      keys: [{ key: KEY }, { key: 'FreeKeyFreeKeyFreeKeyFreeKey0001', tier: 'free' }],
      remoteDelayMs: 200,
    })
    try {
      const free = await apiCall(
        em.apiUrl,
        'remote/request.cgi',
        { urls: [`${base}/a`] },
        'FreeKeyFreeKeyFreeKeyFreeKey0001',
      )
      expect(jsonOf(free).message).toBe('Must be a customer (Premium, Access) #200')
      const requested = jsonOf(
        await apiCall(
          em.apiUrl,
          'remote/request.cgi',
          { urls: [`${base}/a`, `${base}/missing`], headers: { 'x-token': 'abc' } },
          KEY,
        ),
      )
      expect(requested).toMatchObject({ status: 'OK', headers: { 'X-Token': 'abc' } })
      expect(typeof requested.id).toBe('number')
      const pending = jsonOf(await apiCall(em.apiUrl, 'remote/ls.cgi', {}, KEY))
      expect((pending.data as { execution_date: string }[])[0]?.execution_date).toBe('1970-01-01 00:00:00')
      expect(jsonOf(await apiCall(em.apiUrl, 'remote/info.cgi', { id: requested.id }, KEY)).result).toEqual(
        [],
      )
      let info: Record<string, unknown> = {}
      for (let i = 0; i < 50; i++) {
        info = jsonOf(await apiCall(em.apiUrl, 'remote/info.cgi', { id: String(requested.id) }, KEY))
        if (info.execution_date !== '1970-01-01 00:00:00') break
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      const result = info.result as { status: string; download_link: string }[]
      expect(result.map((entry) => entry.status)).toEqual(['OK', 'KO'])
      const stored = em.control.listFiles(KEY).find((file) => file.url === result[0]?.download_link)
      expect(stored?.name).toBe('remote.bin')
      expect(em.control.readFile(KEY, stored?.id ?? '').toString()).toBe('got abc')
      expect((await apiCall(em.apiUrl, 'remote/info.cgi', { id: 1 }, KEY)).status).toBe(404)
    } finally {
      await em.stop()
      source.close()
    }
  })
})

describe('command line', () => {
  it('prints exactly one line with the API base, serves the demo account and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, 'cli.ts'),
        '--port',
        '0',
        '--seed',
        'demo',
        '--no-rate-limits',
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    const lines: string[] = []
    const reader = createInterface({ input: child.stdout })
    const first = await new Promise<string>((resolve) => reader.once('line', resolve))
    reader.on('line', (line) => lines.push(line))
    expect(first).toMatch(/^emulator listening on http:\/\/127\.0\.0\.1:\d+\/v1$/)
    const apiUrl = first.replace('emulator listening on ', '')
    const root = jsonOf(await apiCall(apiUrl, 'folder/ls.cgi', {}, DEMO_KEY))
    expect((root.sub_folders as { name: string }[]).map((folder) => folder.name)).toEqual([
      'Documents',
      'Videos',
      'Shared photos',
      'Backups',
    ])
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(lines).toEqual([])
  })
})
