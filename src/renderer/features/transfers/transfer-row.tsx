import { memo } from 'react'
import { formatBytes } from '../../lib/format-bytes'
import { formatDuration } from '../../lib/format-duration'
import { useItems, useProgress } from '../../stores/stores-context'
import { actionsFor, type TransferAction } from './transfer-action'
import { STATUS_LABELS } from './status-label'

interface TransferRowProps {
  id: string
  /** Offset of the row in the virtual list, in pixels. */
  top: number
  onAction(action: TransferAction, id: string): void
}

const KIND_GLYPHS = { download: '↓', upload: '↑', 'remote-upload': '⇡' } as const

/** One transfer. Reads its own item and progress, so a tick re-renders only the rows it touches. */
export const TransferRow = memo(function TransferRow({ id, top, onAction }: TransferRowProps) {
  const item = useItems((state) => state.byId[id])
  const progress = useProgress((state) => state.byId[id])
  if (!item) return null
  const done = progress?.bytes ?? item.bytesDone
  const total = progress?.total ?? item.bytesTotal
  const percent = total ? Math.min(100, (done / total) * 100) : item.status === 'completed' ? 100 : 0
  const moving = item.status === 'active' && progress
  return (
    <div
      className="transfer-row"
      role="listitem"
      aria-label={item.name}
      data-status={item.status}
      style={{ transform: `translateY(${top}px)` }}
    >
      <div className="transfer-row__name">
        <span className="transfer-row__kind" aria-hidden="true">
          {KIND_GLYPHS[item.kind]}
        </span>
        <span className="transfer-row__title" title={item.source}>
          {item.name}
        </span>
        {item.error ? (
          <span className="transfer-row__error" title={item.error.code}>
            {item.error.message}
          </span>
        ) : item.source !== item.name ? (
          <span className="transfer-row__source">{item.source}</span>
        ) : null}
      </div>
      <span className="transfer-row__size">
        {total ? `${formatBytes(done)} / ${formatBytes(total)}` : formatBytes(done)}
      </span>
      <div
        className="progress"
        role="progressbar"
        aria-label={`Progress of ${item.name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(percent)}
      >
        <div className="progress__bar" style={{ width: `${percent}%` }} />
      </div>
      <span className="transfer-row__speed">{moving ? `${formatBytes(progress.speed)}/s` : ''}</span>
      <span className="transfer-row__eta">{moving ? formatDuration(progress.eta) : ''}</span>
      <span className={`badge badge--${item.status}`}>{STATUS_LABELS[item.status]}</span>
      <span className="transfer-row__actions">
        {actionsFor(item.status).map(({ action, label }) => (
          <button
            key={action}
            type="button"
            className="button button--small"
            aria-label={`${label} ${item.name}`}
            onClick={() => onAction(action, id)}
          >
            {label}
          </button>
        ))}
      </span>
    </div>
  )
})
