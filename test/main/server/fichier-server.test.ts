import { readFile, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TransferStatus } from '../../../src/shared/model/transfer'
import { createServerAuth, setServerPassword } from '../../../src/main/server/auth/index'
import { startFichierServer, type FichierServer } from '../../../src/main/server/fichier-server'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { createTestService, type TestService } from '../../helpers/test-service'
import { openSocket } from './ws-client'

const KEY = 'ServeKeyServeKeyServeKeyServeK01'

let emulator: RunningEmulator
let service: TestService
let server: FichierServer
let rendererDir: string

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
  service = await createTestService({ apiUrl: emulator.apiUrl, key: KEY })
  rendererDir = await mkdtemp(join(tmpdir(), 'fd-renderer-'))
  await mkdir(join(rendererDir, 'assets'))
  await writeFile(
    join(rendererDir, 'index.html'),
    `<!doctype html><meta\n  http-equiv="Content-Security-Policy"\n  content="default-src 'self'; connect-src 'self'"\n/>\n<title>Fichier Desk</title>`,
  )
  await writeFile(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)')
  server = await startFichierServer({
    listen: { host: '127.0.0.1', port: 0 },
    rendererDir,
    endpoint: service.service,
    auth: await createServerAuth({ stateDir: service.dataDir, secureCookies: false, log: () => undefined }),
    validateOutputs: true,
    log: () => undefined,
  })
})

afterAll(async () => {
  await server.close()
  await service.close()
  await emulator.stop()
  await rm(rendererDir, { recursive: true, force: true })
})

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function fetchRaw(path: string, options: { method?: string; host?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}${path}`,
      { method: options.method ?? 'GET', headers: options.host ? { Host: options.host } : {} },
      (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => (body += chunk.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end()
  })
}

describe('fichier serve: HTTP', () => {
  it('serves the built renderer with the security headers, GET and HEAD only, nothing outside it', async () => {
    const page = await fetchRaw('/')
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>Fichier Desk</title>')
    // The header is the policy; the page's own tag (which cannot state frame-ancestors) is dropped.
    expect(page.body).not.toContain('Content-Security-Policy')
    expect(page.headers['content-length']).toBe(String(Buffer.byteLength(page.body)))
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    const csp = String(page.headers['content-security-policy'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain(`connect-src 'self' ws://${new URL(server.url).host}`)
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    expect(page.headers['referrer-policy']).toBe('no-referrer')
    expect(page.headers['x-frame-options']).toBe('DENY')

    const script = await fetchRaw('/assets/index-abc.js')
    expect(script.status).toBe(200)
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8')
    const head = await fetchRaw('/', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.body).toBe('')

    const post = await fetchRaw('/', { method: 'POST' })
    expect(post.status).toBe(405)
    expect(post.headers['allow']).toBe('GET, HEAD')
    expect(post.headers['x-frame-options']).toBe('DENY')
    expect((await fetchRaw('/missing.js')).status).toBe(404)
    expect((await fetchRaw('/..%2f..%2fetc%2fpasswd')).status).toBe(404)
    expect((await fetchRaw('/%2e%2e/%2e%2e/etc/hostname')).status).toBe(404)
    expect((await fetchRaw('/ws')).status).toBe(426)
    expect(JSON.parse((await fetchRaw('/session')).body)).toEqual({ passwordRequired: false })
  })

  it('refuses a Host that is not this server (DNS rebinding)', async () => {
    const port = new URL(server.url).port
    const foreign = await fetchRaw('/', { host: `attacker.example:${port}` })
    expect(foreign.status).toBe(403)
    expect(foreign.body).toContain('--public-host')
    expect((await fetchRaw('/', { host: `localhost:${port}` })).status).toBe(200)
  })
})

describe('fichier serve: /ws', () => {
  it('answers a command with the same envelope as IPC', async () => {
    const page = await openSocket(server.url)
    const answer = await page.call('settings:get', {})
    expect(answer.ok).toBe(true)
    const direct = await service.bridge.invoke('settings:get', {})
    expect(answer).toEqual(direct)
    const account = await page.call('account:status', {})
    expect(JSON.stringify(account)).not.toContain(KEY)
    await page.close()
  })

  it('refuses an invalid input with the contract message, and an unknown channel', async () => {
    const page = await openSocket(server.url)
    const invalid = await page.call('transfers:add', { kind: 'download', links: 'nope' })
    expect(invalid).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^Invalid input for transfers:add: /) },
    })
    expect(
      await service.bridge.invoke('transfers:add', { kind: 'download', links: 'nope' } as never),
    ).toEqual(invalid)
    const unknown = await page.call('system:exec', { command: 'id' })
    expect(unknown).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: 'Unknown command "system:exec"' },
    })
    page.socket.send('not json')
    await expect.poll(() => page.socket.readyState).toBe(page.socket.OPEN)
    await page.close()
  })

  it('pushes events: a download added through the socket is seen changing and completing, bytes on disk', async () => {
    const content = 'served through a WebSocket\n'.repeat(4000)
    const file = await emulator.control.createFile({ key: KEY, name: 'served.txt', content })
    const page = await openSocket(server.url)
    const added = await page.call('transfers:add', { kind: 'download', text: file.url })
    expect(added.ok).toBe(true)
    await page.waitForEvent(
      (event, payload) =>
        event === 'transfers:changed' &&
        (payload as { upserts: { name: string; status: string }[] }).upserts.some(
          (item) => item.name === 'served.txt' && item.status === 'completed',
        ),
    )
    expect(await readFile(join(service.downloadsDir, 'served.txt'), 'utf8')).toBe(content)
    await page.close()
  })

  it('coalesces progress ticks: a page that reads slowly gets the newest tick, not every one', async () => {
    const page = await openSocket(server.url)
    const items = Array.from({ length: 400 }, (_, index) => ({
      id: `t${index}`,
      bytes: 1,
      total: 1000,
      speed: 10,
      eta: 99,
    }))
    const counts = Object.fromEntries(TransferStatus.options.map((status) => [status, 0])) as Record<
      TransferStatus,
      number
    >
    const tick = (at: number) => ({ at, items, totals: { downSpeed: 1, upSpeed: 0, counts, eta: null } })
    // The page stops reading while 300 ticks of ~30 kB (9 MB) are published, one per turn of the loop.
    page.socket.pause()
    for (let at = 1; at <= 300; at++) {
      service.service.events.emit('transfers:progress', tick(at))
      await new Promise((resolve) => setImmediate(resolve))
    }
    page.socket.resume()
    const last = await page.waitForEvent(
      (event, payload) => event === 'transfers:progress' && (payload as { at: number }).at === 300,
    )
    expect((last as { at: number }).at).toBe(300)
    const received = page.events.filter((entry) => entry.event === 'transfers:progress')
    expect(received.length).toBeLessThan(300)
    await page.close()
  })

  it('disconnects a page that falls too far behind on lifecycle events, instead of queueing for it', async () => {
    const small = await startFichierServer({
      listen: { host: '127.0.0.1', port: 0 },
      rendererDir,
      endpoint: service.service,
      auth: await createServerAuth({ stateDir: service.dataDir, secureCookies: false, log: () => undefined }),
      maxBufferedBytes: 256 * 1024,
      log: () => undefined,
    })
    try {
      const page = await openSocket(small.url)
      const closed = new Promise<void>((resolve) => page.socket.once('close', () => resolve()))
      page.socket.pause()
      const reason = 'slow '.repeat(20_000)
      for (let i = 0; i < 400 && page.socket.readyState === page.socket.OPEN; i++) {
        service.service.events.emit('api:paused', { until: i, reason })
        await new Promise((resolve) => setImmediate(resolve))
      }
      page.socket.resume()
      await closed
      const received = page.events.filter((entry) => entry.event === 'api:paused').length
      expect(received).toBeLessThan(400)
    } finally {
      await small.close()
    }
  })

  it('refuses a page of another origin, and a foreign Host, with 403', async () => {
    await expect(openSocket(server.url, { Origin: 'http://attacker.example' })).rejects.toMatchObject({
      status: 403,
    })
    const port = new URL(server.url).port
    await expect(
      openSocket(server.url, { Host: `attacker.example:${port}`, Origin: `http://attacker.example:${port}` }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('closes a socket whose message is larger than the limit', async () => {
    const page = await openSocket(server.url)
    const closed = new Promise<number>((resolve) => page.socket.once('close', (code) => resolve(code)))
    page.socket.send(
      JSON.stringify({ id: 1, channel: 'transfers:add', input: { text: 'x'.repeat(2 * 1024 * 1024) } }),
    )
    expect(await closed).toBe(1009)
  })
})

describe('fichier serve: behind a password', () => {
  it("lets nothing but the login through without a session; a logout closes the page's socket", async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'fd-gated-'))
    await setServerPassword(stateDir, 'correct horse battery')
    const gated = await startFichierServer({
      listen: { host: '127.0.0.1', port: 0 },
      publicHosts: ['nas.local'],
      rendererDir,
      endpoint: service.service,
      auth: await createServerAuth({ stateDir, secureCookies: false, log: () => undefined }),
      log: () => undefined,
    })
    const send = (path: string, headers: Record<string, string>, method = 'GET', body = '') =>
      new Promise<Answer>((resolve, reject) => {
        request(`${gated.url}${path}`, { method, headers }, (res) => {
          let text = ''
          res.on('data', (chunk: Buffer) => (text += chunk.toString()))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
        })
          .on('error', reject)
          .end(body)
      })
    try {
      const page = await send('/', { Accept: 'text/html' })
      expect(page.status).toBe(302)
      expect(page.headers['location']).toBe('/login')
      expect((await send('/assets/index-abc.js', {})).status).toBe(401)
      await expect(openSocket(gated.url)).rejects.toMatchObject({ status: 401 })

      const login = await send(
        '/login',
        { 'Content-Type': 'application/x-www-form-urlencoded', Origin: gated.url },
        'POST',
        'password=correct+horse+battery',
      )
      expect(login.status).toBe(303)
      const cookie = String(login.headers['set-cookie']).split(';')[0] ?? ''
      expect((await send('/', { Accept: 'text/html', Cookie: cookie })).status).toBe(200)
      expect((await send('/session', {})).status).toBe(401)
      expect(JSON.parse((await send('/session', { Cookie: cookie })).body)).toEqual({
        passwordRequired: true,
      })
      const port = new URL(gated.url).port
      expect((await send('/', { Cookie: cookie, Host: `nas.local:${port}` })).status).toBe(200)

      const socket = await openSocket(gated.url, { Cookie: cookie })
      expect((await socket.call('settings:get', {})).ok).toBe(true)
      const closed = new Promise<number>((resolve) => socket.socket.once('close', (code) => resolve(code)))
      expect((await send('/logout', { Cookie: cookie, Origin: gated.url }, 'POST')).status).toBe(303)
      expect(await closed).toBe(4401)
      await expect(openSocket(gated.url, { Cookie: cookie })).rejects.toMatchObject({ status: 401 })
    } finally {
      await gated.close()
      await rm(stateDir, { recursive: true, force: true })
    }
  })
})
