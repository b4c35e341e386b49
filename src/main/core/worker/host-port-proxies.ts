import type { KeyStorage } from '../../../shared/model/account'
import type { Settings } from '../../../shared/model/settings'
import type { SecretsPort } from '../account/secrets-port'
import type { DialogsPort, RiskyFile } from '../dialogs-port'
import type { FileOpenerPort } from '../file-opener-port'
import { AppError } from '../lib/app-error'
import type { SettingsPort } from '../settings/settings-port'
import type { PortCall, PortError, WorkerToHost } from './worker-messages'

export interface PortAnswer {
  value: unknown
  storage?: KeyStorage
}

/** Sends one call to the host's port and resolves with its answer (rejects as the host's port did). */
export type CallHost = (call: PortCall) => Promise<PortAnswer>

/** The host's error back as an error of the worker: an `AppError` stays one, so its code reaches the window. */
export function portErrorToError(error: PortError): Error {
  return error.code ? new AppError(error.code, error.message) : new Error(error.message)
}

/**
 * The API key as the worker sees it: asked of the host once, then kept in memory (the account asks
 * for it once too); saving sends it to the host's store, which alone writes it anywhere.
 */
export function secretsOverChannel(
  call: CallHost,
  initial: { encryptionAvailable: boolean; storage: KeyStorage },
): SecretsPort {
  let storage = initial.storage
  const track = (answer: PortAnswer): PortAnswer => {
    if (answer.storage) storage = answer.storage
    return answer
  }
  return {
    async load() {
      const { value } = track(await call({ port: 'secrets', method: 'load', args: [] }))
      return typeof value === 'string' ? value : null
    },
    async save(key, mode) {
      track(await call({ port: 'secrets', method: 'save', args: [key, mode] }))
    },
    async clear() {
      track(await call({ port: 'secrets', method: 'clear', args: [] }))
    },
    encryptionAvailable: () => initial.encryptionAvailable,
    storage: () => storage,
  }
}

/** Settings read once at start (the host read them) and written through to the host's store. */
export function settingsOverChannel(stored: unknown, post: (message: WorkerToHost) => void): SettingsPort {
  return {
    read: () => stored,
    write: (value: Settings) => post({ type: 'settings-write', value }),
  }
}

export function dialogsOverChannel(call: CallHost): DialogsPort {
  return {
    async pickFolder(title) {
      const { value } = await call({
        port: 'dialogs',
        method: 'pickFolder',
        args: title === undefined ? [] : [title],
      })
      return typeof value === 'string' ? value : null
    },
    async confirmOpen(file: RiskyFile) {
      const { value } = await call({ port: 'dialogs', method: 'confirmOpen', args: [file] })
      return value === true
    },
  }
}

export function fileOpenerOverChannel(call: CallHost): FileOpenerPort {
  return {
    open: async (path) => void (await call({ port: 'fileOpener', method: 'open', args: [path] })),
    reveal: async (path) => void (await call({ port: 'fileOpener', method: 'reveal', args: [path] })),
  }
}
