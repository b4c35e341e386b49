import { afterEach, describe, expect, it } from 'vitest'
import type { StoreApi } from 'zustand/vanilla'
import type { EventChannel, EventPayload, FichierBridge } from '../../src/shared/contract'
import type { AccountInfo } from '../../src/shared/model/account'
import type { TransferStatus } from '../../src/shared/model/transfer'
import { createIpcClient } from '../../src/renderer/lib/ipc-client'
import { createAppStores, type AppStores } from '../../src/renderer/stores/app-stores'
import { connectStores } from '../../src/renderer/stores/connect-stores'

/**
 * The scripted service (test/helpers, the node project, which the web project may not compile) is
 * loaded at run time and typed here by what this test uses.
 */
interface MemoryService {
  bridge: FichierBridge
  service: { events: { listenerCount(event: EventChannel): number } }
  tick(payload: EventPayload<'transfers:progress'>): void
  setStatus(ids: readonly string[], status: TransferStatus): void
  loseNextBatch(): void
  pauseApi(until: number | null, reason?: string): void
  close(): Promise<void>
}
interface MemoryServiceModule {
  createMemoryService(options?: { accounts?: Record<string, AccountInfo> }): MemoryService
  DEMO_ACCOUNT: AccountInfo
}
const scriptedServicePath = '../helpers/scripted-service'
const { createMemoryService, DEMO_ACCOUNT } = (await import(
  /* @vite-ignore */ scriptedServicePath
)) as MemoryServiceModule

const KEY = 'K'.repeat(32)
const links = (...ids: string[]) => ids.map((id) => `https://1fichier.com/?${id}`).join('\n')

/** Resolves once the store's state satisfies `predicate` (checked now and at every change). */
function until<S>(store: StoreApi<S>, predicate: (state: S) => boolean): Promise<S> {
  return new Promise((resolve) => {
    if (predicate(store.getState())) return resolve(store.getState())
    const unsubscribe = store.subscribe((state) => {
      if (!predicate(state)) return
      unsubscribe()
      resolve(state)
    })
  })
}

describe('connectStores over the in-process bridge', () => {
  let memory: MemoryService
  let disconnect: (() => void) | undefined

  afterEach(async () => {
    disconnect?.()
    disconnect = undefined
    await memory.close()
  })

  const connect = (bridge: FichierBridge = memory.bridge): AppStores => {
    const stores = createAppStores()
    disconnect = connectStores(createIpcClient(bridge), stores)
    return stores
  }

  it('loads the snapshot, then applies each following batch', async () => {
    memory = createMemoryService()
    await memory.bridge.invoke('transfers:add', { kind: 'download', text: links('aaa', 'bbb') })
    const stores = connect()
    const loaded = await until(stores.items, (state) => state.loaded)
    expect(loaded.revision).toBe(1)
    expect(loaded.ids).toHaveLength(2)
    expect(stores.status.getState().app).toEqual({
      version: '0.0.0-test',
      platform: 'test',
      apiPausedUntil: null,
    })

    await memory.bridge.invoke('transfers:add', { kind: 'download', text: links('ccc') })
    const [first] = loaded.ids
    await memory.bridge.invoke('transfers:pause', { ids: [first ?? ''] })
    const state = await until(stores.items, (s) => s.revision === 3)
    expect(state.ids).toHaveLength(3)
    expect(state.byId[first ?? '']?.status).toBe('paused')
  })

  it('takes a new snapshot when a batch was lost', async () => {
    memory = createMemoryService()
    const stores = connect()
    await until(stores.items, (state) => state.loaded)
    await memory.bridge.invoke('transfers:add', { kind: 'download', text: links('one') })
    await until(stores.items, (state) => state.revision === 1)

    memory.loseNextBatch()
    await memory.bridge.invoke('transfers:add', { kind: 'download', text: links('two') }) // revision 2, lost
    await memory.bridge.invoke('transfers:add', { kind: 'download', text: links('three') }) // revision 3: a gap
    const repaired = await until(stores.items, (state) => state.revision === 3)
    expect(repaired.ids.map((id) => repaired.byId[id]?.source)).toEqual([
      'https://1fichier.com/?one',
      'https://1fichier.com/?two',
      'https://1fichier.com/?three',
    ])
  })

  it('replays batches that arrive while the snapshot is on its way', async () => {
    memory = createMemoryService()
    await memory.bridge.invoke('transfers:add', { kind: 'download', text: links('early') })
    // The snapshot is taken at revision 1; a change published before its answer arrives must be
    // replayed on top of it, without a second snapshot.
    let snapshots = 0
    const racing: FichierBridge = {
      on: (event, listener) => memory.bridge.on(event, listener),
      async invoke(channel, input) {
        const result = await memory.bridge.invoke(channel, input)
        if (channel === 'transfers:list' && ++snapshots === 1) {
          await memory.bridge.invoke('transfers:add', { kind: 'download', text: links('late') })
        }
        return result
      },
    }
    const stores = connect(racing)
    const state = await until(stores.items, (s) => s.loaded)
    expect(state.revision).toBe(2)
    expect(state.ids.map((id) => state.byId[id]?.source)).toEqual([
      'https://1fichier.com/?early',
      'https://1fichier.com/?late',
    ])
    expect(snapshots).toBe(1)
  })

  it('feeds progress, API pause and account changes to their stores', async () => {
    memory = createMemoryService({ accounts: { [KEY]: DEMO_ACCOUNT } })
    const stores = connect()
    await until(stores.items, (state) => state.loaded)
    const counts = { queued: 0, active: 1, retrying: 0, paused: 0, completed: 0, failed: 0, canceled: 0 }
    memory.tick({
      at: 10,
      items: [{ id: 't1', bytes: 5, total: 10, speed: 2, eta: 3 }],
      totals: { downSpeed: 2, upSpeed: 0, counts, eta: 3 },
    })
    expect(stores.progress.getState().byId['t1']?.bytes).toBe(5)
    expect(stores.progress.getState().totals.downSpeed).toBe(2)

    memory.pauseApi(5_000, 'Flood detected')
    expect(stores.status.getState().apiPause).toEqual({ until: 5_000, reason: 'Flood detected' })
    memory.pauseApi(null)
    expect(stores.status.getState().apiPause).toBeNull()

    await memory.bridge.invoke('account:setKey', { key: KEY })
    expect(stores.status.getState().account?.account?.email).toBe(DEMO_ACCOUNT.email)
  })

  it('removes every subscription when disposed', async () => {
    memory = createMemoryService()
    const stores = connect()
    await until(stores.items, (state) => state.loaded)
    expect(memory.service.events.listenerCount('transfers:changed')).toBe(1)
    disconnect?.()
    disconnect = undefined
    for (const event of [
      'transfers:changed',
      'transfers:progress',
      'account:changed',
      'api:paused',
    ] as const) {
      expect(memory.service.events.listenerCount(event)).toBe(0)
    }
    await memory.bridge.invoke('transfers:add', { kind: 'download', text: links('after') })
    expect(stores.items.getState().ids).toHaveLength(0)
  })

  it('shows a failed snapshot in the status store', async () => {
    memory = createMemoryService()
    const broken: FichierBridge = {
      on: (event, listener) => memory.bridge.on(event, listener),
      invoke: async (channel, input) =>
        channel === 'transfers:list'
          ? { ok: false, error: { code: 'QUEUE_UNREADABLE', message: 'transfers:list failed unexpectedly' } }
          : memory.bridge.invoke(channel, input),
    }
    const stores = connect(broken)
    const status = await until(stores.status, (state) => state.linkError !== null)
    expect(status.linkError).toEqual({
      step: 'snapshot',
      code: 'QUEUE_UNREADABLE',
      message: 'transfers:list failed unexpectedly',
    })
  })
})
