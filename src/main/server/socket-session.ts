import { WebSocket, type RawData } from 'ws'
import { EVENT_CHANNELS, eventSchemas, type EventChannel } from '../../shared/contract'
import type { Dispatch } from '../core/ipc/dispatch'
import type { EventMap } from '../core/ipc/handlers'
import type { TypedEmitter } from '../core/lib/typed-emitter'
import { parseSocketRequest } from './socket-messages'

export interface SocketSessionOptions {
  dispatch: Dispatch
  events: TypedEmitter<EventMap>
  /** Development builds and tests: each event payload is checked against the contract before it leaves. */
  validateEvents?: boolean
  /**
   * Past this many bytes waiting to be sent when a lifecycle event comes, the page is too slow to
   * follow: the socket is closed, and the page reconnects and takes a fresh snapshot. Keeps the
   * server's memory bounded. (Answers are always sent: the page asked for them, a bounded number
   * at a time; progress ticks never pile up, see below.)
   */
  maxBufferedBytes: number
  /** Commands of one page under way at once; more are answered BUSY. */
  maxPendingCommands: number
  log: (message: string) => void
}

/**
 * One page's WebSocket: commands in, answers and events out. Progress ticks are coalesced per
 * socket: at most one is being written and one waits (the newest), and the next is sent only once
 * the last reached the socket (so after everything queued before it), so a slow page never makes
 * the server queue ticks. Returns the disposer (also run when the socket closes).
 */
export function attachSocketSession(socket: WebSocket, options: SocketSessionOptions): () => void {
  let pendingTick: EventMap['transfers:progress'] | null = null
  let tickInFlight = false
  let pendingCommands = 0

  const send = (message: unknown, done?: (error?: Error) => void): boolean => {
    if (socket.readyState !== WebSocket.OPEN) return false
    socket.send(JSON.stringify(message), done)
    return true
  }

  const flushTick = () => {
    if (tickInFlight || pendingTick === null) return
    const payload = pendingTick
    pendingTick = null
    tickInFlight = send({ event: 'transfers:progress', payload }, () => {
      tickInFlight = false
      flushTick()
    })
  }

  const forward = <E extends EventChannel>(event: E, payload: EventMap[E]) => {
    if (options.validateEvents) {
      const checked = eventSchemas[event].safeParse(payload)
      if (!checked.success) {
        options.log(`ws: ${event} payload breaks the contract; not sent`)
        return
      }
    }
    if (event === 'transfers:progress') {
      pendingTick = payload as EventMap['transfers:progress']
      flushTick()
      return
    }
    if (socket.bufferedAmount > options.maxBufferedBytes) {
      options.log(`ws: a page fell ${socket.bufferedAmount} bytes behind; closing its socket (it reconnects)`)
      socket.terminate()
      return
    }
    send({ event, payload })
  }

  const unsubscribers = EVENT_CHANNELS.map((event) =>
    options.events.on(event, (payload) => forward(event, payload)),
  )

  const onMessage = (data: RawData, isBinary: boolean) => {
    const request = isBinary ? null : parseSocketRequest(rawText(data))
    if (!request) {
      send({
        id: null,
        result: {
          ok: false,
          error: { code: 'INVALID_MESSAGE', message: 'Expected a JSON text message { id, channel, input }.' },
        },
      })
      return
    }
    if (pendingCommands >= options.maxPendingCommands) {
      send({
        id: request.id,
        result: {
          ok: false,
          error: {
            code: 'BUSY',
            message: `More than ${options.maxPendingCommands} commands under way; retry.`,
          },
        },
      })
      return
    }
    pendingCommands += 1
    void options
      .dispatch(request.channel, request.input)
      .then((result) => send({ id: request.id, result }))
      .finally(() => {
        pendingCommands -= 1
      })
  }
  socket.on('message', onMessage)

  let disposed = false
  const dispose = () => {
    if (disposed) return
    disposed = true
    for (const unsubscribe of unsubscribers) unsubscribe()
    socket.off('message', onMessage)
    pendingTick = null
  }
  socket.once('close', dispose)
  return dispose
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8')
}
