import type { MessagePort } from 'node:worker_threads'
import type { EventChannel, IpcResult } from '../../../shared/contract'
import type { KeyStorage } from '../../../shared/model/account'
import type { Settings } from '../../../shared/model/settings'
import type { CoreOptions } from '../create-core'

/** The host's ports the worker calls over the channel (the settings port is handled apart: it is synchronous). */
export type PortCall =
  | { port: 'secrets'; method: 'load' | 'clear'; args: [] }
  | { port: 'secrets'; method: 'save'; args: [key: string, mode: 'encrypted' | 'session'] }
  | { port: 'dialogs'; method: 'pickFolder'; args: [title?: string] }
  | { port: 'dialogs'; method: 'confirmOpen'; args: [file: unknown] }
  | { port: 'fileOpener'; method: 'open' | 'reveal'; args: [path: string] }

export interface PortError {
  /** Set when the host's port threw an error meant for the user (an `AppError`). */
  code?: string
  message: string
}

export type HostToWorker =
  | { type: 'invoke'; id: number; channel: string; input: unknown }
  | {
      type: 'port-answer'
      id: number
      ok: true
      value: unknown
      /** With every secrets answer: what the host's store holds now. */
      storage?: KeyStorage
    }
  | { type: 'port-answer'; id: number; ok: false; error: PortError }
  | { type: 'close' }

export type WorkerToHost =
  | { type: 'ready' }
  | { type: 'failed'; error: PortError }
  | { type: 'result'; id: number; result: IpcResult<unknown> }
  | { type: 'event'; event: EventChannel; payload: unknown }
  | ({ type: 'port-call'; id: number } & PortCall)
  | { type: 'settings-write'; value: Settings }
  | { type: 'log'; message: string }
  | { type: 'closed' }

/** What the worker is started with (`workerData`): plain data and the channel's port, nothing secret. */
export interface CoreWorkerData {
  port: MessagePort
  core: Pick<CoreOptions, 'dataDir' | 'defaultDownloadsDir' | 'app' | 'apiUrl' | 'client' | 'engine'>
  /** The stored settings as the host's port read them (the settings are read once, at start). */
  settings: unknown
  secrets: { encryptionAvailable: boolean; storage: KeyStorage }
  hasDialogs: boolean
  hasFileOpener: boolean
  validateOutputs: boolean
  /** Shortest spacing of `transfers:progress` messages; a newer tick replaces one not yet sent. */
  progressSpacingMs: number
}
