import type { InvokeOutput } from '../../shared/contract'
import type { AccountState } from '../../shared/model/account'
import type {
  AddRequestInput,
  AddResult,
  FileOptions,
  ReorderRequest,
  Selection,
  SelectionResult,
} from '../../shared/model/intake'
import type { RemoteListing, RemoteSelection, RemoteTarget } from '../../shared/model/remote'
import type { DialogsPort } from './dialogs-port'
import type { ServerFilesPort } from './server-files-port'
import type { Settings, SettingsPatch } from '../../shared/model/settings'
import type { LinkCheck } from '../../shared/model/link-check'
import type { TransferView } from '../../shared/model/transfer'
import type { EventMap, Handlers, ServiceEndpoint } from './ipc/handlers'
import { TypedEmitter } from './lib/typed-emitter'
import type { TransferEvents } from './transfers/transfer-events'

/** The parts the façade delegates to; each is built and tested on its own. */
export interface ServiceParts {
  app: { version: string; platform: string }
  settings: {
    get(): Settings
    update(patch: SettingsPatch): Settings
  }
  account: {
    status(): Promise<AccountState>
    setKey(key: string, persist: 'encrypted' | 'session'): Promise<AccountState>
    clearKey(): Promise<AccountState>
    on(event: 'changed', listener: (state: AccountState) => void): () => void
  }
  remote: {
    list(folderId: number, options: { refresh: boolean }): Promise<RemoteListing>
    createFolder(parentId: number, name: string): Promise<{ id: number; name: string }>
    rename(target: RemoteTarget, name: string): Promise<{ name: string }>
    move(selection: RemoteSelection, destinationId: number): Promise<{ moved: number }>
    delete(selection: RemoteSelection): Promise<{ removedFiles: number; removedFolders: number }>
    share(folderId: number, password?: string): Promise<{ url: string }>
    setOptions(files: readonly string[], options: FileOptions): Promise<{ updated: number }>
  }
  /** 1fichier's link check. */
  links: { check(urls: readonly string[]): Promise<LinkCheck[]> }
  /** Finished transfers, kept apart from the queue. */
  history: {
    list(): TransferView[]
    clear(ids?: readonly string[]): Promise<string[]>
    on(event: 'changed', listener: (change: EventMap['history:changed']) => void): () => void
  }
  /** Native dialogs; the app shows them, tests and the CLI answer from a script. */
  dialogs: DialogsPort
  /** The served interface's own folders (`fichier serve --root`); the desktop has none. */
  serverFiles: ServerFilesPort
  transfers: {
    list(): InvokeOutput<'transfers:list'>
    add(request: AddRequestInput): Promise<AddResult>
    pause(selection: Selection): Promise<SelectionResult>
    resume(selection: Selection): Promise<SelectionResult>
    cancel(selection: Selection): Promise<SelectionResult>
    remove(selection: Selection): Promise<SelectionResult>
    reorder(request: ReorderRequest): Promise<SelectionResult>
    setPassword(ids: readonly string[], password: string): Promise<SelectionResult>
    /** Opens a transfer's local file, or shows it in the file manager. */
    open(id: string, reveal: boolean): Promise<{ path: string }>
    on<E extends keyof TransferEvents>(event: E, listener: (payload: TransferEvents[E]) => void): () => void
  }
  api: {
    pausedUntil(): number | null
    on(event: 'paused', listener: (payload: EventMap['api:paused']) => void): () => void
  }
}

export interface Service extends ServiceEndpoint {
  /** Asks the window to show something (the `app:request` event). */
  requestWindow(request: EventMap['app:request']): void
  /** Stops forwarding events from the parts. */
  dispose(): void
}

/**
 * The façade behind the contract: one handler per command, each a thin delegation, and the parts'
 * events re-emitted under the contract's event names.
 */
export function createService(parts: ServiceParts): Service {
  const events = new TypedEmitter<EventMap>()
  const handlers: Handlers = {
    'app:ready': () => ({
      version: parts.app.version,
      platform: parts.app.platform,
      apiPausedUntil: parts.api.pausedUntil(),
    }),
    'account:status': () => parts.account.status(),
    'account:setKey': ({ key, persist }) => parts.account.setKey(key, persist),
    'account:clearKey': () => parts.account.clearKey(),
    'transfers:list': () => parts.transfers.list(),
    'transfers:add': (request) => parts.transfers.add(request),
    'transfers:pause': (selection) => parts.transfers.pause(selection),
    'transfers:resume': (selection) => parts.transfers.resume(selection),
    'transfers:cancel': (selection) => parts.transfers.cancel(selection),
    'transfers:remove': (selection) => parts.transfers.remove(selection),
    'transfers:reorder': (request) => parts.transfers.reorder(request),
    'transfers:setPassword': ({ ids, password }) => parts.transfers.setPassword(ids, password),
    'transfers:open': ({ id, reveal }) => parts.transfers.open(id, reveal),
    'links:check': async ({ urls }) => ({ results: await parts.links.check(urls) }),
    'history:list': () => ({ items: parts.history.list() }),
    'history:clear': async ({ ids }) => ({ removed: (await parts.history.clear(ids)).length }),
    'remote:list': ({ folderId, refresh }) => parts.remote.list(folderId, { refresh }),
    'remote:createFolder': ({ parentId, name }) => parts.remote.createFolder(parentId, name),
    'remote:rename': ({ target, name }) => parts.remote.rename(target, name),
    'remote:move': ({ selection, destinationId }) => parts.remote.move(selection, destinationId),
    'remote:delete': ({ selection }) => parts.remote.delete(selection),
    'remote:share': ({ folderId, password }) => parts.remote.share(folderId, password),
    'remote:setOptions': ({ files, options }) => parts.remote.setOptions(files, options),
    'dialog:pickFolder': async ({ title }) => ({ path: await parts.dialogs.pickFolder(title) }),
    'serverFiles:list': ({ path }) => parts.serverFiles.list(path),
    'settings:get': () => parts.settings.get(),
    'settings:update': (patch) => parts.settings.update(patch),
  }
  const unsubscribers = [
    parts.account.on('changed', (state) => events.emit('account:changed', state)),
    parts.transfers.on('changed', (batch) => events.emit('transfers:changed', batch)),
    parts.transfers.on('progress', (tick) => events.emit('transfers:progress', tick)),
    parts.api.on('paused', (payload) => events.emit('api:paused', payload)),
    parts.history.on('changed', (change) => events.emit('history:changed', change)),
  ]
  return {
    handlers,
    events,
    requestWindow: (request) => events.emit('app:request', request),
    dispose() {
      for (const unsubscribe of unsubscribers.splice(0)) unsubscribe()
    },
  }
}
