import { useShallow } from 'zustand/react/shallow'
import type { TransferStatus } from '../../shared/model/transfer'
import { formatBytes } from '../lib/format-bytes'
import { useItems, useProgress, useStatus } from '../stores/stores-context'
import type { TransferProgressState } from '../stores/transfer-progress-state'
import { ApiPauseNotice } from './api-pause-notice'
import { countStatuses } from './status-counts'

const SHOWN: { status: TransferStatus; label: string }[] = [
  { status: 'active', label: 'active' },
  { status: 'queued', label: 'queued' },
  { status: 'paused', label: 'paused' },
  { status: 'retrying', label: 'retrying' },
  { status: 'failed', label: 'failed' },
  { status: 'completed', label: 'done' },
]

const hasMoving = (state: TransferProgressState) => {
  for (const _id in state.byId) return true
  return false
}

export function StatusBar() {
  // The last tick before the queue goes idle still carries the smoothed speed: nothing moving means 0.
  const downSpeed = useProgress((state) => (hasMoving(state) ? state.totals.downSpeed : 0))
  const upSpeed = useProgress((state) => (hasMoving(state) ? state.totals.upSpeed : 0))
  const counts = useItems(useShallow(countStatuses))
  const linkError = useStatus((state) => state.linkError)
  return (
    <footer className="status-bar" aria-label="Status">
      <span className="status-bar__speed" aria-label={`Download speed ${formatBytes(downSpeed)}/s`}>
        <span aria-hidden="true">↓</span> {formatBytes(downSpeed)}/s
      </span>
      <span className="status-bar__speed" aria-label={`Upload speed ${formatBytes(upSpeed)}/s`}>
        <span aria-hidden="true">↑</span> {formatBytes(upSpeed)}/s
      </span>
      <ul className="status-bar__counts" aria-label="Transfers by state">
        {SHOWN.map(({ status, label }) => (
          <li key={status} data-status={status}>
            {counts[status] ?? 0} {label}
          </li>
        ))}
      </ul>
      <span className="status-bar__spacer" />
      {linkError ? (
        <span className="status-bar__error" role="alert">
          {linkError}
        </span>
      ) : null}
      <ApiPauseNotice />
    </footer>
  )
}
