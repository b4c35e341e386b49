import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ServerAuth } from '../../../../src/main/server/auth'

/** What `/watch?name=N` registered: a stand-in for a WebSocket that lives as long as its session. */
export interface Watch {
  ended: boolean
  stop: () => void
}

/**
 * A real HTTP server that mounts the auth routes and two protected routes: `/secret`, and `/watch`
 * that watches the session's end as a WebSocket would (into `watches`).
 */
export async function startAuthServer(
  auth: ServerAuth,
): Promise<{ server: Server; port: number; watches: Map<string, Watch> }> {
  const watches = new Map<string, Watch>()
  const server = createServer((req, res) => {
    void (async () => {
      if (await auth.handle(req, res)) return
      if (!auth.isAuthenticated(req)) {
        res.writeHead(401, { 'Content-Type': 'text/plain' })
        res.end('log in first')
        return
      }
      const url = new URL(req.url ?? '/', 'http://localhost')
      if (url.pathname === '/watch') {
        const watch: Watch = { ended: false, stop: () => undefined }
        watches.set(url.searchParams.get('name') ?? '', watch)
        watch.stop = auth.onSessionEnd(req, () => (watch.ended = true))
        res.writeHead(204)
        res.end()
        return
      }
      res.writeHead(200, { 'Content-Type': 'text/plain' })
      res.end('the secret')
    })().catch((error: unknown) => {
      res.writeHead(500)
      res.end(String(error))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, port: (server.address() as AddressInfo).port, watches }
}

export interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/** One HTTP request over a fresh connection, redirects not followed. */
export function send(
  port: number,
  o: {
    method?: string
    path: string
    headers?: Record<string, string>
    body?: string
    localAddress?: string
  },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: o.method ?? 'GET',
        path: o.path,
        headers: o.headers,
        localAddress: o.localAddress,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(o.body)
  })
}

/** POST /login as a browser on this origin would send it. */
export function postLogin(
  port: number,
  password: string,
  extra: { headers?: Record<string, string>; localAddress?: string } = {},
): Promise<Answer> {
  return send(port, {
    method: 'POST',
    path: '/login',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: `http://127.0.0.1:${port}`,
      ...extra.headers,
    },
    body: new URLSearchParams({ password }).toString(),
    localAddress: extra.localAddress,
  })
}

/** The `name=value` part of the response's session cookie. */
export function sessionCookieOf(answer: Answer): string {
  const cookie = answer.headers['set-cookie']?.[0]
  if (!cookie) throw new Error(`no cookie set (status ${answer.status})`)
  return cookie.split(';')[0] ?? ''
}
