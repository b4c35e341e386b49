import { EVENT_CHANNELS, eventSchemas } from '../../../shared/contract'
import { createCore, type Core } from '../create-core'
import { createDispatch } from '../ipc/dispatch'
import { AppError } from '../lib/app-error'
import { EventRelay } from './event-relay'
import {
  dialogsOverChannel,
  fileOpenerOverChannel,
  portErrorToError,
  secretsOverChannel,
  settingsOverChannel,
  type CallHost,
  type PortAnswer,
} from './host-port-proxies'
import type { CoreWorkerData, HostToWorker, PortError, WorkerToHost } from './worker-messages'

const describe = (error: unknown): PortError =>
  error instanceof AppError
    ? { code: error.code, message: error.message }
    : { message: error instanceof Error ? error.message : String(error) }

/**
 * The worker's half: builds the core from the host's ports (reached over `data.port`), answers
 * commands with the same dispatch as every other transport and pushes the core's events.
 * Resolves once the host asked it to close and the core has closed.
 */
export async function serveCore(data: CoreWorkerData): Promise<void> {
  const { port } = data
  const post = (message: WorkerToHost): void => port.postMessage(message)
  const log = (message: string): void => post({ type: 'log', message })

  let nextCallId = 1
  const calls = new Map<number, { resolve: (answer: PortAnswer) => void; reject: (error: Error) => void }>()
  const callHost: CallHost = (call) =>
    new Promise((resolve, reject) => {
      const id = nextCallId++
      calls.set(id, { resolve, reject })
      post({ type: 'port-call', id, ...call })
    })

  let core: Core | null = null
  let closing = false
  let onClose: () => void = () => undefined
  const closeAsked = new Promise<void>((resolve) => (onClose = resolve))
  const invokes: HostToWorker[] = []
  let handleInvoke: (message: Extract<HostToWorker, { type: 'invoke' }>) => void = (message) =>
    void invokes.push(message)

  port.on('message', (message: HostToWorker) => {
    if (message.type === 'port-answer') {
      const call = calls.get(message.id)
      calls.delete(message.id)
      if (!call) return
      if (message.ok)
        call.resolve({ value: message.value, ...(message.storage ? { storage: message.storage } : {}) })
      else call.reject(portErrorToError(message.error))
    } else if (message.type === 'invoke') {
      handleInvoke(message)
    } else if (message.type === 'close') {
      closing = true
      onClose()
    }
  })

  try {
    core = await createCore({
      ...data.core,
      env: process.env,
      secrets: secretsOverChannel(callHost, data.secrets),
      settingsPort: settingsOverChannel(data.settings, post),
      ...(data.hasDialogs ? { dialogs: dialogsOverChannel(callHost) } : {}),
      ...(data.hasFileOpener ? { fileOpener: fileOpenerOverChannel(callHost) } : {}),
      log,
    })
  } catch (error) {
    post({ type: 'failed', error: describe(error) })
    port.close()
    return
  }

  const dispatch = createDispatch(core.service.handlers, {
    validateOutputs: data.validateOutputs,
    onInternalError: (channel, error) =>
      log(
        `[ipc] ${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      ),
  })
  handleInvoke = (message) => {
    if (message.type !== 'invoke') return
    void dispatch(message.channel, message.input).then((result) => {
      try {
        post({ type: 'result', id: message.id, result })
      } catch (error) {
        log(`[ipc] ${message.channel} answered a value that cannot be sent: ${describe(error).message}`)
        post({
          type: 'result',
          id: message.id,
          result: {
            ok: false,
            error: { code: 'INTERNAL', message: `${message.channel} failed unexpectedly.` },
          },
        })
      }
    })
  }

  const relay = new EventRelay((event, payload) => {
    if (data.validateOutputs) eventSchemas[event].parse(payload)
    post({ type: 'event', event, payload })
  }, data.progressSpacingMs)
  const stops = EVENT_CHANNELS.map((event) =>
    core.service.events.on(event, (payload: unknown) => relay.push(event, payload)),
  )

  post({ type: 'ready' })
  for (const message of invokes.splice(0)) handleInvoke(message as Extract<HostToWorker, { type: 'invoke' }>)
  if (!closing) await closeAsked

  for (const stop of stops) stop()
  relay.flush()
  try {
    await core.close()
  } catch (error) {
    log(`closing the core failed: ${describe(error).message}`)
  }
  for (const call of calls.values()) call.reject(new AppError('CLOSED', 'The engine has stopped.'))
  calls.clear()
  post({ type: 'closed' })
  port.close()
}
