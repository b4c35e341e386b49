import { useCallback, useMemo, useState } from 'react'
import type { Selection } from '../../../shared/model/intake'
import { describeError } from '../../lib/describe-error'
import { call } from '../../lib/ipc'
import { useItems } from '../../stores/stores-context'
import { STATUS_LABELS } from './status-label'
import type { TransferAction } from './transfer-action'
import {
  KIND_FILTER_LABELS,
  KindFilter,
  matchesFilter,
  NO_FILTER,
  StatusFilter,
  type TransferFilter,
} from './transfer-filter'
import { TransferList } from './transfer-list'

const CHANNELS = {
  pause: 'transfers:pause',
  resume: 'transfers:resume',
  cancel: 'transfers:cancel',
  remove: 'transfers:remove',
} as const

export function TransfersView({ onAddLinks }: { onAddLinks(): void }) {
  const ids = useItems((state) => state.ids)
  const byId = useItems((state) => state.byId)
  const loaded = useItems((state) => state.loaded)
  const [filter, setFilter] = useState<TransferFilter>(NO_FILTER)
  const [error, setError] = useState<string | null>(null)

  const visible = useMemo(
    () =>
      filter === NO_FILTER
        ? ids
        : ids.filter((id) => {
            const item = byId[id]
            return item !== undefined && matchesFilter(item, filter)
          }),
    [ids, byId, filter],
  )

  const run = useCallback(async (action: TransferAction, selection: Selection) => {
    setError(null)
    try {
      await call(CHANNELS[action], selection)
    } catch (caught) {
      setError(describeError(caught))
    }
  }, [])
  const onRowAction = useCallback(
    (action: TransferAction, id: string) => void run(action, { ids: [id] }),
    [run],
  )

  return (
    <section className="view" aria-labelledby="view-title">
      <header className="view__header">
        <h1 id="view-title">Transfers</h1>
        <div className="toolbar" role="toolbar" aria-label="Transfer actions">
          <button type="button" className="button button--primary" onClick={onAddLinks}>
            Add links
          </button>
          <button type="button" className="button" onClick={() => void run('pause', { all: true })}>
            Pause all
          </button>
          <button type="button" className="button" onClick={() => void run('resume', { all: true })}>
            Resume all
          </button>
        </div>
      </header>
      <div className="filters">
        <div className="segmented" role="group" aria-label="Kind">
          {KindFilter.options.map((kind) => (
            <button
              key={kind}
              type="button"
              className="segmented__item"
              aria-pressed={filter.kind === kind}
              onClick={() => setFilter((current) => ({ ...current, kind }))}
            >
              {KIND_FILTER_LABELS[kind]}
            </button>
          ))}
        </div>
        <label className="filters__field">
          <span className="visually-hidden">State</span>
          <select
            className="input"
            value={filter.status}
            onChange={(event) =>
              setFilter((current) => ({ ...current, status: StatusFilter.parse(event.target.value) }))
            }
          >
            {StatusFilter.options.map((status) => (
              <option key={status} value={status}>
                {status === 'any' ? 'Any state' : STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
        <label className="filters__field filters__field--grow">
          <span className="visually-hidden">Search transfers</span>
          <input
            className="input"
            type="search"
            placeholder="Search by name or link"
            value={filter.text}
            onChange={(event) => setFilter((current) => ({ ...current, text: event.target.value }))}
          />
        </label>
      </div>
      {error ? (
        <p className="message message--error" role="alert">
          {error}
        </p>
      ) : null}
      {!loaded ? (
        <p className="empty">Loading the queue…</p>
      ) : ids.length === 0 ? (
        <div className="empty">
          <h2>No transfers yet</h2>
          <p>
            Paste 1fichier links anywhere in this window, or choose “Add links”. Uploads start when you drop
            files here.
          </p>
        </div>
      ) : visible.length === 0 ? (
        <div className="empty">
          <p>No transfer matches this filter.</p>
        </div>
      ) : (
        <TransferList ids={visible} onAction={onRowAction} />
      )}
    </section>
  )
}
