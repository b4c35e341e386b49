import { IpcCallError } from '../lib/ipc-call-error'
import type { IpcClient } from '../lib/ipc-client'
import { applyChangeBatch, stateFromSnapshot, type ChangeBatch } from './apply-change-batch'
import { applyProgressTick } from './apply-progress-tick'
import { connectHistory } from './connect-history'
import type { LinkError } from './app-status-state'
import type { AppStores } from './app-stores'
import { feedSpeedHistory } from './feed-speed-history'

/** What the status bar needs to say which step failed and why (it translates the sentence). */
function linkErrorOf(step: LinkError['step'], error: unknown): LinkError {
  return {
    step,
    code: error instanceof IpcCallError ? error.code : 'INTERNAL',
    message: error instanceof Error ? error.message : String(error),
  }
}

/**
 * Feeds the stores from the contract. Subscribes first, then says `app:ready`, then takes a
 * `transfers:list` snapshot; batches that arrive meanwhile are buffered and replayed on top of it.
 * Afterwards only `revision + 1` is applied, each batch in one `setState`; a gap triggers a new
 * snapshot. Returns the disposer that removes every subscription.
 */
export function connectStores(client: IpcClient, stores: AppStores): () => void {
  let disposed = false
  /** Batches received while a snapshot is in flight; null when none is. */
  let buffered: ChangeBatch[] | null = null

  const setLinkError = (linkError: LinkError | null) => {
    const current = stores.status.getState().linkError
    if (current === null && linkError === null) return
    stores.status.setState({ linkError })
  }

  const snapshot = async (): Promise<void> => {
    if (buffered) return
    buffered = []
    try {
      const { revision, items } = await client.call('transfers:list', {})
      if (disposed) return
      let state = stateFromSnapshot(revision, items)
      let gap = false
      for (const batch of buffered) {
        const outcome = applyChangeBatch(state, batch)
        if (outcome.kind === 'applied') state = outcome.state
        else if (outcome.kind === 'gap') gap = true
      }
      stores.items.setState(state, true)
      setLinkError(null)
      buffered = null
      if (gap) await snapshot()
    } catch (error) {
      buffered = null
      if (!disposed) setLinkError(linkErrorOf('snapshot', error))
    }
  }

  const onChanged = (batch: ChangeBatch) => {
    if (buffered) {
      buffered.push(batch)
      return
    }
    const outcome = applyChangeBatch(stores.items.getState(), batch)
    if (outcome.kind === 'applied') stores.items.setState(outcome.state, true)
    else if (outcome.kind === 'gap') void snapshot()
  }

  const unsubscribers = [
    client.subscribe('transfers:changed', onChanged),
    client.subscribe('transfers:progress', (tick) => {
      const current = stores.progress.getState()
      const next = applyProgressTick(current, tick)
      if (next !== current) stores.progress.setState(next, true)
    }),
    client.subscribe('account:changed', (account) => stores.status.setState({ account })),
    client.subscribe('api:paused', ({ until, reason }) =>
      stores.status.setState({ apiPause: until === null ? null : { until, reason } }),
    ),
    client.subscribe('app:request', (request) =>
      stores.status.setState((state) => ({
        windowRequest: { seq: (state.windowRequest?.seq ?? 0) + 1, request },
      })),
    ),
    feedSpeedHistory(stores.progress, stores.speed),
    connectHistory(client, stores.history),
  ]

  void (async () => {
    try {
      const app = await client.call('app:ready', {})
      if (disposed) return
      stores.status.setState({ app })
      // A pause that began before this page listened (e.g. remembered from the last run).
      if (app.apiPausedUntil !== null && app.apiPausedUntil > Date.now()) {
        stores.status.setState({
          apiPause: { until: app.apiPausedUntil, reason: '1fichier asked us to slow down' },
        })
      }
    } catch (error) {
      if (!disposed) setLinkError(linkErrorOf('ready', error))
      return
    }
    await snapshot()
    const [account, settings] = await Promise.allSettled([
      client.call('account:status', {}),
      client.call('settings:get', {}),
    ])
    // On failure the Account and Settings views ask again and show the error where it matters.
    if (disposed) return
    if (account.status === 'fulfilled') stores.status.setState({ account: account.value })
    if (settings.status === 'fulfilled') stores.status.setState({ settings: settings.value })
  })()

  return () => {
    disposed = true
    for (const unsubscribe of unsubscribers.splice(0)) unsubscribe()
  }
}
