import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import { createDispatch } from '../core/ipc/dispatch'
import type { ServiceEndpoint } from '../core/ipc/handlers'
import type { ServerAuth } from './auth/index'
import { isAllowedHost, isSameOrigin } from './host-check'
import { formatHostPort, type ListenAddress } from './listen-address'
import { setSecurityHeaders } from './security-headers'
import { attachSocketSession } from './socket-session'
import { sendText, serveStatic } from './static-files'

/** Handles a request behind the session (staging uploads…); true when it wrote the response. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>

export interface FichierServerOptions {
  listen: ListenAddress
  /** PEM certificate and key: the server speaks HTTPS (and the WebSocket wss). */
  tls?: { cert: Buffer; key: Buffer }
  /** Names the server is reached under besides IP literals and `localhost` (DNS-rebinding guard). */
  publicHosts?: readonly string[]
  /** The built renderer: `out/renderer`. */
  rendererDir: string
  endpoint: ServiceEndpoint
  auth: ServerAuth
  /** Routes that need a session, tried in order before the static files. */
  routes?: readonly RouteHandler[]
  /** Largest WebSocket message accepted from a page (bytes). */
  maxMessageBytes?: number
  /** A page this far behind (bytes waiting) is disconnected; it reconnects with a fresh snapshot. */
  maxBufferedBytes?: number
  /** Check what handlers answer and what events carry against the contract (tests, development). */
  validateOutputs?: boolean
  log: (message: string) => void
}

export interface FichierServer {
  /** `http://127.0.0.1:8383` (https under TLS), with the port actually bound. */
  url: string
  port: number
  /** Stops accepting, closes every WebSocket and open connection. */
  close(): Promise<void>
}

const WS_PATH = '/ws'
/** `{ passwordRequired }` for the page (behind the session like everything else). */
export const SESSION_PATH = '/session'

/** A refusal on the upgrade path: a plain HTTP answer written on the raw socket, then closed. */
function refuseUpgrade(socket: Duplex, status: number, reason: string, text: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(text) + 1}\r\n\r\n${text}\n`,
  )
}

function wantsPage(req: IncomingMessage): boolean {
  return req.method === 'GET' && (req.headers.accept ?? '').includes('text/html')
}

/**
 * The headless interface: the built renderer over HTTP(S), and the contract over one WebSocket per
 * page at `/ws`. Every request names an allowed `Host`; auth comes first, then the session gate,
 * then the routes, then the static files. `/ws` upgrades only with a session and a same-origin page.
 */
export async function startFichierServer(options: FichierServerOptions): Promise<FichierServer> {
  const tls = options.tls !== undefined
  const hostPolicy = { listenHost: options.listen.host, publicHosts: options.publicHosts ?? [] }
  const dispatch = createDispatch(options.endpoint.handlers, {
    validateOutputs: options.validateOutputs ?? false,
    onInternalError: (channel, error) =>
      options.log(`${channel} failed: ${error instanceof Error ? error.message : String(error)}`),
  })

  const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
    const host = req.headers.host
    if (!isAllowedHost(host, hostPolicy)) {
      sendText(
        res,
        403,
        `This server does not answer to the host ${JSON.stringify(host ?? '')}. Start it with --public-host NAME to allow a name.`,
      )
      return
    }
    setSecurityHeaders(res, host ?? '', tls)
    if (await options.auth.handle(req, res)) return
    if (!options.auth.isAuthenticated(req)) {
      if (wantsPage(req)) {
        res.writeHead(302, { Location: '/login', 'Cache-Control': 'no-store' })
        res.end()
      } else sendText(res, 401, 'Log in first.')
      return
    }
    for (const route of options.routes ?? []) if (await route(req, res)) return
    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (path === SESSION_PATH && req.method === 'GET') {
      // What the page needs to offer a logout: whether there is a password (hence a session) at all.
      const body = JSON.stringify({ passwordRequired: options.auth.required })
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
      res.end(body)
      return
    }
    if (path === WS_PATH) {
      sendText(res, 426, 'This address takes a WebSocket.', { Upgrade: 'websocket' })
      return
    }
    await serveStatic(req, res, options.rendererDir)
  }

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    onRequest(req, res).catch((error: unknown) => {
      options.log(
        `http: ${req.method} ${req.url} failed: ${error instanceof Error ? error.message : String(error)}`,
      )
      if (!res.headersSent) sendText(res, 500, 'The server failed to answer; the details are in its log.')
      else res.destroy()
    })
  }
  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, handler)
    : createHttpServer(handler)

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxMessageBytes ?? 1024 * 1024,
    perMessageDeflate: false,
  })
  wss.on('connection', (socket) => {
    socket.on('error', (error) => options.log(`ws: ${error.message}`))
    attachSocketSession(socket, {
      dispatch,
      events: options.endpoint.events,
      validateEvents: options.validateOutputs ?? false,
      maxBufferedBytes: options.maxBufferedBytes ?? 32 * 1024 * 1024,
      maxPendingCommands: 64,
      log: options.log,
    })
  })

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy())
    const host = req.headers.host
    if (new URL(req.url ?? '/', 'http://x').pathname !== WS_PATH) {
      refuseUpgrade(socket, 404, 'Not Found', 'Only /ws takes a WebSocket.')
    } else if (!isAllowedHost(host, hostPolicy)) {
      refuseUpgrade(socket, 403, 'Forbidden', 'This server does not answer to that host.')
    } else if (!isSameOrigin(req.headers.origin, host)) {
      options.log(`ws: refused a page from another origin (${req.headers.origin ?? 'none'})`)
      refuseUpgrade(socket, 403, 'Forbidden', 'The page is not from this server.')
    } else if (!options.auth.isAuthenticated(req)) {
      refuseUpgrade(socket, 401, 'Unauthorized', 'Log in first.')
    } else {
      wss.handleUpgrade(req, socket, head, (ws) => {
        // The page's socket lives no longer than its session (logout, lifetime): it then reloads to the login.
        const unwatch = options.auth.onSessionEnd(req, () => ws.close(4401, 'Session ended'))
        ws.once('close', unwatch)
        wss.emit('connection', ws, req)
      })
    }
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.listen.port, options.listen.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  server.on('error', (error) => options.log(`http: ${error.message}`))
  const port = (server.address() as AddressInfo).port

  return {
    url: `${tls ? 'https' : 'http'}://${formatHostPort(options.listen.host, port)}`,
    port,
    async close() {
      for (const client of wss.clients) client.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
}
