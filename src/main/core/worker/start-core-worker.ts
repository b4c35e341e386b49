import { MessageChannel, Worker } from 'node:worker_threads'
import type { FichierBridge, IpcResult } from '../../../shared/contract'
import type { SecretsPort } from '../account/secrets-port'
import type { DialogsPort } from '../dialogs-port'
import type { FileOpenerPort } from '../file-opener-port'
import { TypedEmitter } from '../lib/typed-emitter'
import type { EventMap } from '../ipc/handlers'
import type { SettingsPort } from '../settings/settings-port'
import { answerPortCall } from './answer-port-call'
import { portErrorToError } from './host-port-proxies'
import type { CoreWorkerData, HostToWorker, WorkerToHost } from './worker-messages'

export interface CoreWorkerOptions {
  /** The worker's entry module: the built `core-worker-entry.js`, or in tests a loader that runs the `.ts`. */
  entry: URL
  /** Extra `process.argv` entries of the worker (a loader reads its target there). */
  argv?: string[]
  /** The worker's environment (`FICHIER_API_URL`, the keys folder…); the host's by default. */
  env?: Record<string, string | undefined>
  core: CoreWorkerData['core']
  secrets: SecretsPort
  settingsPort: SettingsPort
  dialogs?: DialogsPort
  fileOpener?: FileOpenerPort
  log: (message: string) => void
  /** Also check what handlers answer and what events carry (development builds and tests). */
  validateOutputs?: boolean
  /** Shortest spacing of progress ticks sent to this thread (ms). */
  progressSpacingMs?: number
  /** How long `close` waits for the core to stop before ending the thread. */
  closeTimeoutMs?: number
  /** Sees every message between the threads (diagnostics and tests). */
  trace?: (direction: 'to-worker' | 'from-worker', message: HostToWorker | WorkerToHost) => void
}

export interface CoreWorker {
  /** The contract, served by the core in the worker: same envelopes and events as in-process. */
  bridge: FichierBridge
  /** Stops the core (transfers paused and journaled) and the thread; bounded by `closeTimeoutMs`. */
  close(): Promise<void>
  /** Settles once the core is gone: stopped by `close`, or its thread ended on its own (a crash). */
  stopped: Promise<void>
}

const closedResult: IpcResult<never> = {
  ok: false,
  error: { code: 'CLOSED', message: 'The engine has stopped.' },
}

/**
 * Runs the core in a worker thread and hands back the contract over a `MessagePort`, so that
 * downloads never hold up this thread (the one serving the windows). The host keeps every port
 * with an outside effect: the key store (the key crosses only as the answer to the core's one
 * read of it, and when the user sets a new one), the settings store, dialogs and the file opener.
 */
export async function startCoreWorker(options: CoreWorkerOptions): Promise<CoreWorker> {
  const { port1: port, port2 } = new MessageChannel()
  const trace = options.trace ?? (() => undefined)
  const post = (message: HostToWorker): void => {
    trace('to-worker', message)
    port.postMessage(message)
  }
  const data: CoreWorkerData = {
    port: port2,
    core: options.core,
    settings: options.settingsPort.read(),
    secrets: {
      encryptionAvailable: options.secrets.encryptionAvailable(),
      storage: options.secrets.storage(),
    },
    hasDialogs: options.dialogs !== undefined,
    hasFileOpener: options.fileOpener !== undefined,
    validateOutputs: options.validateOutputs ?? false,
    progressSpacingMs: options.progressSpacingMs ?? 100,
  }
  const worker = new Worker(options.entry, {
    workerData: data,
    transferList: [port2],
    ...(options.argv ? { argv: options.argv } : {}),
    ...(options.env ? { env: options.env } : {}),
  })
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))

  const events = new TypedEmitter<EventMap>()
  const pending = new Map<number, (result: IpcResult<unknown>) => void>()
  let nextId = 1
  let stopped = false
  let closedByCore: () => void = () => undefined
  const coreClosed = new Promise<void>((resolve) => (closedByCore = resolve))
  let started: { resolve: () => void; reject: (error: Error) => void } | null = null
  const ready = new Promise<void>((resolve, reject) => (started = { resolve, reject }))

  const stop = (): void => {
    stopped = true
    for (const answer of pending.values()) answer(closedResult)
    pending.clear()
    closedByCore()
  }

  port.on('message', (message: WorkerToHost) => {
    trace('from-worker', message)
    switch (message.type) {
      case 'ready':
        started?.resolve()
        break
      case 'failed':
        started?.reject(portErrorToError(message.error))
        break
      case 'result': {
        const answer = pending.get(message.id)
        pending.delete(message.id)
        answer?.(message.result)
        break
      }
      case 'event':
        events.emit(message.event, message.payload as never)
        break
      case 'port-call':
        void answerPortCall(message, options).then(post, (error: unknown) =>
          options.log(`answering the engine's ${message.port}.${message.method} failed: ${String(error)}`),
        )
        break
      case 'settings-write':
        try {
          options.settingsPort.write(message.value)
        } catch (error) {
          options.log(`saving the settings failed: ${error instanceof Error ? error.message : String(error)}`)
        }
        break
      case 'log':
        options.log(message.message)
        break
      case 'closed':
        stop()
        break
    }
  })
  worker.on('error', (error) => {
    options.log(`the engine's thread failed: ${error.stack ?? error.message}`)
    started?.reject(error)
  })
  void exited.then(() => {
    started?.reject(new Error('The engine stopped while starting.'))
    stop()
    port.close()
  })

  try {
    await ready
  } catch (error) {
    await worker.terminate()
    throw error
  }

  const bridge: FichierBridge = {
    invoke(channel, input) {
      if (stopped) return Promise.resolve(closedResult)
      const id = nextId++
      return new Promise((resolve) => {
        pending.set(id, resolve as (result: IpcResult<unknown>) => void)
        try {
          post({ type: 'invoke', id, channel, input })
        } catch (error) {
          pending.delete(id)
          resolve({
            ok: false,
            error: {
              code: 'INVALID_INPUT',
              message: `Invalid input for ${channel}: ${error instanceof Error ? error.message : String(error)}`,
            },
          })
        }
      })
    },
    on: (event, listener) => events.on(event, listener),
  }

  let closing: Promise<void> | null = null
  return {
    bridge,
    stopped: coreClosed,
    close() {
      closing ??= (async () => {
        if (!stopped) post({ type: 'close' })
        let timer: ReturnType<typeof setTimeout> | undefined
        const late = new Promise<void>(
          (resolve) => (timer = setTimeout(resolve, options.closeTimeoutMs ?? 15_000)),
        )
        await Promise.race([coreClosed, late])
        clearTimeout(timer)
        if (!stopped) options.log('the engine did not stop in time: its thread is ended')
        stop()
        await worker.terminate()
        await exited
        port.close()
      })()
      return closing
    },
  }
}
