import type {
  EventChannel,
  EventPayload,
  FichierBridge,
  InvokeChannel,
  InvokeOutput,
  IpcResult,
} from '../../shared/contract'

/** What the connection to the server is doing, for the page to show. */
export type ConnectionState = 'connecting' | 'open' | 'lost'

export interface WebBridge extends FichierBridge {
  /** Told of every change of the connection; `open` after `lost` means: take fresh snapshots. */
  onConnection(listener: (state: ConnectionState) => void): () => void
  close(): void
}

export interface WebBridgeOptions {
  /** `ws://host/ws` or `wss://host/ws`; the page's own server by default. */
  url?: string
  /** Delays between reconnection attempts (the last one repeats). */
  retryDelaysMs?: readonly number[]
}

type Message = { id: number | null; result: IpcResult<unknown> } | { event: EventChannel; payload: unknown }

const lost = (channel: string, sent: boolean): IpcResult<never> => ({
  ok: false,
  error: {
    code: 'DISCONNECTED',
    message: sent
      ? `${channel}: the connection to the server was lost before it answered; it may or may not have been done.`
      : `${channel}: the server cannot be reached; try again once it is back.`,
  },
})

/** The page's own `/ws`, over wss when the page came over https. */
function ownSocketUrl(): string {
  const { protocol, host } = window.location
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/ws`
}

/**
 * The contract over the server's WebSocket (`fichier serve`): commands as `{ id, channel, input }`
 * answered by `{ id, result }`, events pushed as `{ event, payload }`. Calls made while the first
 * socket connects wait for it; calls under way when it drops, or made while the server is away, are
 * answered DISCONNECTED at once (nothing hangs). It reconnects by itself; when the session is gone
 * (the server answers 401), the page reloads to the login page.
 */
export function createWebBridge(options: WebBridgeOptions = {}): WebBridge {
  const url = options.url ?? ownSocketUrl()
  const delays = options.retryDelaysMs ?? [500, 1000, 2000, 5000, 10_000]
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>()
  const connectionListeners = new Set<(state: ConnectionState) => void>()
  const pending = new Map<number, { channel: string; resolve: (result: IpcResult<unknown>) => void }>()
  const waiting: { id: number; text: string }[] = []
  let socket: WebSocket | null = null
  let nextId = 1
  let attempt = 0
  let closed = false
  let state: ConnectionState = 'connecting'

  const setState = (next: ConnectionState) => {
    if (next === state) return
    state = next
    for (const listener of [...connectionListeners]) listener(next)
  }

  const onMessage = (event: MessageEvent) => {
    let message: Message
    try {
      message = JSON.parse(String(event.data)) as Message
    } catch {
      return
    }
    if ('event' in message) {
      for (const listener of [...(listeners.get(message.event) ?? [])]) listener(message.payload as never)
      return
    }
    if (message.id === null) return
    const call = pending.get(message.id)
    pending.delete(message.id)
    call?.resolve(message.result)
  }

  /** After a failed attempt: a session that expired means the login page, not endless retries. */
  const checkSession = async () => {
    try {
      const answer = await fetch(url.replace(/^ws/, 'http'), { method: 'GET', cache: 'no-store' })
      if (answer.status === 401) window.location.reload()
    } catch {
      // The server is unreachable: keep trying.
    }
  }

  const connect = () => {
    if (closed) return
    const current = new WebSocket(url)
    socket = current
    let opened = false
    current.addEventListener('open', () => {
      opened = true
      attempt = 0
      for (const { text } of waiting.splice(0)) current.send(text)
      setState('open')
    })
    current.addEventListener('message', onMessage)
    current.addEventListener('close', () => {
      if (socket !== current) return
      socket = null
      const unsent = new Set(waiting.splice(0).map((entry) => entry.id))
      for (const [id, call] of pending) {
        pending.delete(id)
        call.resolve(lost(call.channel, !unsent.has(id)))
      }
      if (closed) return
      setState('lost')
      if (!opened) void checkSession()
      const delay = delays[Math.min(attempt, delays.length - 1)] ?? 1000
      attempt += 1
      setTimeout(connect, delay)
    })
  }
  connect()

  return {
    invoke<C extends InvokeChannel>(channel: C, input: unknown) {
      return new Promise<IpcResult<InvokeOutput<C>>>((resolve) => {
        if (closed || state === 'lost') {
          resolve(lost(channel, false))
          return
        }
        const id = nextId++
        const text = JSON.stringify({ id, channel, input })
        pending.set(id, { channel, resolve: resolve as (result: IpcResult<unknown>) => void })
        if (socket?.readyState === WebSocket.OPEN) socket.send(text)
        else waiting.push({ id, text })
      })
    },
    on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void) {
      let set = listeners.get(event)
      if (!set) {
        set = new Set()
        listeners.set(event, set)
      }
      const entry = listener as (payload: never) => void
      set.add(entry)
      return () => {
        set.delete(entry)
      }
    },
    onConnection(listener) {
      connectionListeners.add(listener)
      return () => {
        connectionListeners.delete(listener)
      }
    },
    close() {
      closed = true
      socket?.close()
      for (const [id, call] of pending) {
        pending.delete(id)
        call.resolve(lost(call.channel, true))
      }
    },
  }
}
