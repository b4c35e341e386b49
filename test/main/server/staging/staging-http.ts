// A loopback server that mounts the staging routes (404 for the rest), and a raw HTTP client for it.
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Staging } from '../../../../src/main/server/staging/index'

export interface StagingServer {
  port: number
  close(): Promise<void>
}

export async function serveStaging(staging: Staging): Promise<StagingServer> {
  const server: Server = createServer((req, res) => {
    void staging.handle(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export interface Answer {
  status: number
  json: { path?: string; error?: { code: string; message: string } } | null
}

export interface PutOptions {
  method?: string
  headers?: Record<string, string>
  /** Body chunks, written in turn; none: the headers only, the body never comes. */
  chunks?: Buffer[]
  /** End the request after the chunks (default true). */
  end?: boolean
}

/** Sends a request and resolves with the answer (as soon as it comes, whatever is still unsent). */
export function put(port: number, path: string, options: PutOptions = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'PUT', headers: options.headers ?? {} },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null }))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    if (options.chunks === undefined) {
      req.flushHeaders()
      return
    }
    for (const chunk of options.chunks) req.write(chunk)
    if (options.end ?? true) req.end()
  })
}
