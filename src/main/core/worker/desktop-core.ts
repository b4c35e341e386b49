import { EVENT_CHANNELS, type FichierBridge, type InvokeOutput } from '../../../shared/contract'
import { Settings } from '../../../shared/model/settings'
import type { SecretsPort } from '../account/secrets-port'
import type { EventMap } from '../ipc/handlers'
import { AppError } from '../lib/app-error'
import { TypedEmitter } from '../lib/typed-emitter'
import type { SettingsPort } from '../settings/settings-port'
import { startCoreWorker, type CoreWorkerOptions } from './start-core-worker'

export type TransferList = InvokeOutput<'transfers:list'>

/** The settings as the host last saw them written, with a `changed` event. */
export interface SettingsMirror {
  get(): Settings
  on(event: 'changed', listener: (settings: Settings) => void): () => void
}

/**
 * What the desktop shell needs of a core that runs in a worker thread: commands over the bridge,
 * every event (the core's, and the host's own window requests), the settings kept current from the
 * writes that pass through the host's store, the queue as an asynchronous list, and the API key
 * for log redaction as the host's key store last gave or took it. Nothing here blocks on the core.
 */
export interface DesktopCore {
  bridge: FichierBridge
  events: Pick<TypedEmitter<EventMap>, 'on'>
  settings: SettingsMirror
  /** A fresh list of the transfers (with the revision the next `transfers:changed` follows). */
  listTransfers(): Promise<TransferList>
  /** Asks the window to show something (the `app:request` event, sent from this thread). */
  requestWindow(request: EventMap['app:request']): void
  /** The API key the host's store holds, as far as the core has read or written it. */
  apiKey(): string | null
  /** Stops the core and its thread, bounded by `closeTimeoutMs`. */
  close(): Promise<void>
  /** Settles if the core stops without `close` (its thread failed); never otherwise. */
  failed: Promise<void>
}

/** The host's key store, telling `seen` each key it hands to the core or stores for it. */
function watchedSecrets(secrets: SecretsPort, seen: (key: string | null) => void): SecretsPort {
  return {
    async load() {
      const key = await secrets.load()
      seen(key)
      return key
    },
    async save(key, mode) {
      await secrets.save(key, mode)
      seen(key)
    },
    async clear() {
      await secrets.clear()
      seen(null)
    },
    encryptionAvailable: () => secrets.encryptionAvailable(),
    storage: () => secrets.storage(),
  }
}

/**
 * The host's settings store, telling `written` each value the core saves: even when the store
 * fails to keep it, as the core goes on with it all the same (the failure is logged).
 */
function watchedSettings(port: SettingsPort, written: (settings: Settings) => void): SettingsPort {
  return {
    read: () => port.read(),
    write(value) {
      try {
        port.write(value)
      } finally {
        written(value)
      }
    },
  }
}

/** Starts the core in a worker thread (see `startCoreWorker`) and gives the shell its view of it. */
export async function startDesktopCore(options: CoreWorkerOptions): Promise<DesktopCore> {
  let key: string | null = null
  const settingsEvents = new TypedEmitter<{ changed: Settings }>()
  let settings: Settings | null = null
  const onWritten = (value: Settings): void => {
    const parsed = Settings.safeParse(value)
    if (!parsed.success) {
      options.log('the engine saved settings that do not read back: the mirror keeps the last good ones')
      return
    }
    settings = parsed.data
    settingsEvents.emit('changed', parsed.data)
  }

  const worker = await startCoreWorker({
    ...options,
    secrets: watchedSecrets(options.secrets, (seen) => (key = seen)),
    settingsPort: watchedSettings(options.settingsPort, onWritten),
  })
  const { bridge } = worker
  const initial = await bridge.invoke('settings:get', {})
  if (!initial.ok) {
    await worker.close()
    throw new AppError(initial.error.code, initial.error.message)
  }
  settings ??= initial.value

  const events = new TypedEmitter<EventMap>()
  const stops = EVENT_CHANNELS.map((event) =>
    bridge.on(event, (payload) => events.emit(event, payload as never)),
  )

  let closing = false
  const failed = new Promise<void>((resolve) => {
    void worker.stopped.then(() => {
      if (!closing) resolve()
    })
  })

  return {
    bridge,
    events,
    settings: {
      get: () => settings as Settings,
      on: (event, listener) => settingsEvents.on(event, listener),
    },
    async listTransfers() {
      const result = await bridge.invoke('transfers:list', {})
      if (!result.ok) throw new AppError(result.error.code, result.error.message)
      return result.value
    },
    requestWindow: (request) => events.emit('app:request', request),
    apiKey: () => key,
    failed,
    async close() {
      closing = true
      for (const stop of stops.splice(0)) stop()
      await worker.close()
    },
  }
}
