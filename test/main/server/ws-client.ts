// A page's end of `/ws`, for tests: a real `ws` client that sends commands and collects events.
import { WebSocket } from 'ws'
import type { IpcResult } from '../../../src/shared/contract'

export interface TestSocket {
  socket: WebSocket
  call(channel: string, input?: unknown): Promise<IpcResult<unknown>>
  /** Every event received so far, in order. */
  events: { event: string; payload: unknown }[]
  /** Answers to messages the server could not read (their id is null). */
  refusals: IpcResult<unknown>[]
  /** Resolves with the first event (already received or to come) that `match` accepts. */
  waitForEvent(match: (event: string, payload: unknown) => boolean, timeoutMs?: number): Promise<unknown>
  close(): Promise<void>
}

/** Opens `/ws` on `url` with the headers a page of `origin` sends; rejects with the refusal's status. */
export function openSocket(
  url: string,
  headers: Record<string, string> = {},
  tls: { ca?: Buffer } = {},
): Promise<TestSocket> {
  const wsUrl = `${url.replace(/^http/, 'ws')}/ws`
  const origin = headers['Origin'] ?? new URL(url).origin
  const socket = new WebSocket(wsUrl, { headers: { ...headers, Origin: origin }, ...tls })
  const pending = new Map<number, (result: IpcResult<unknown>) => void>()
  const events: TestSocket['events'] = []
  const refusals: IpcResult<unknown>[] = []
  const waiters = new Set<() => void>()
  let nextId = 1
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as
      { id: number; result: IpcResult<unknown> } | { event: string; payload: unknown }
    if ('event' in message) {
      events.push(message)
      for (const wake of waiters) wake()
    } else if (message.id === null) refusals.push(message.result)
    else pending.get(message.id)?.(message.result)
  })
  return new Promise((resolve, reject) => {
    socket.once('unexpected-response', (_req, res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString()))
      res.on('end', () => reject(Object.assign(new Error(body.trim()), { status: res.statusCode })))
    })
    socket.once('error', reject)
    socket.once('open', () =>
      resolve({
        socket,
        events,
        refusals,
        call(channel, input) {
          const id = nextId++
          return new Promise((done) => {
            pending.set(id, done)
            socket.send(JSON.stringify({ id, channel, input }))
          })
        },
        waitForEvent(match, timeoutMs = 15_000) {
          return new Promise((done, fail) => {
            const check = () => {
              const found = events.find((entry) => match(entry.event, entry.payload))
              if (!found) return
              waiters.delete(check)
              clearTimeout(timer)
              done(found.payload)
            }
            const timer = setTimeout(() => {
              waiters.delete(check)
              fail(new Error(`no matching event; got ${events.map((entry) => entry.event).join(', ')}`))
            }, timeoutMs)
            waiters.add(check)
            check()
          })
        },
        close: () =>
          new Promise((done) => {
            if (socket.readyState === WebSocket.CLOSED) return done()
            socket.once('close', () => done())
            socket.close()
          }),
      }),
    )
  })
}
