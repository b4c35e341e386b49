import { memo, useEffect, useRef, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from 'zustand'
import { formatBytes } from '../../../shared/format/format-bytes'
import { formatDuration } from '../../lib/format-duration'
import { useErrorText } from '../../lib/use-error-text'
import { useItems, useProgress } from '../../stores/stores-context'
import type { SelectionStore } from './selection-store'
import { CopyIcon } from './copy-icon'
import { LocalFileButtons } from './local-file-buttons'
import { actionsFor, type TransferAction } from './transfer-action'

export interface RowHandlers {
  onAction(action: TransferAction, id: string): void
  /** A click on the row itself (not on one of its controls), with its modifier keys. */
  onSelect(id: string, event: MouseEvent): void
  /** The row's checkbox: toggles the row, or selects a range with Shift. */
  onCheck(id: string, shiftKey: boolean): void
  onCopyLink(id: string): void
  /** A download that failed on its password: ask for one. */
  onPassword(id: string): void
}

/** Failures that a (new) password mends. */
const PASSWORD_CODES = new Set(['PASSWORD_REQUIRED', 'PASSWORD_WRONG'])

interface TransferRowProps {
  id: string
  /** Offset of the row in the virtual list, in pixels. */
  top: number
  selection: SelectionStore
  handlers: RowHandlers
  /** The one row reached with Tab (the lead, else the first). */
  tabStop: boolean
}

const KIND_GLYPHS = { download: '↓', upload: '↑', 'remote-upload': '⇡' } as const

/**
 * One transfer. Reads its own item, progress and selection, so a tick or a click re-renders only
 * the rows it touches.
 */
export const TransferRow = memo(function TransferRow({
  id,
  top,
  selection,
  handlers,
  tabStop,
}: TransferRowProps) {
  const { t, i18n } = useTranslation('transfers')
  const errorText = useErrorText()
  const language = i18n.language
  const item = useItems((state) => state.byId[id])
  const progress = useProgress((state) => state.byId[id])
  const selected = useStore(selection, (state) => state.selected.has(id))
  const lead = useStore(selection, (state) => state.lead === id)
  const rowRef = useRef<HTMLDivElement>(null)

  // The keyboard moved the lead here: take the focus if the list had it (or nobody had it).
  useEffect(() => {
    const row = rowRef.current
    if (!lead || !row) return
    const active = document.activeElement
    if (active === document.body || (active !== row && row.parentElement?.contains(active)))
      row.focus({ preventScroll: true })
  }, [lead])

  if (!item) return null
  const done = progress?.bytes ?? item.bytesDone
  const total = progress?.total ?? item.bytesTotal
  const percent = total ? Math.min(100, (done / total) * 100) : item.status === 'completed' ? 100 : 0
  const moving = item.status === 'active' && progress
  const onRowClick = (event: MouseEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).closest('button, input, a')) return
    handlers.onSelect(id, event)
  }
  return (
    <div
      ref={rowRef}
      className="transfer-row"
      role="listitem"
      aria-label={item.name}
      data-status={item.status}
      data-selected={selected || undefined}
      tabIndex={tabStop ? 0 : -1}
      style={{ transform: `translateY(${top}px)` }}
      onClick={onRowClick}
    >
      <input
        type="checkbox"
        className="transfer-row__check"
        aria-label={t('row.select', { name: item.name })}
        checked={selected}
        tabIndex={-1}
        onChange={() => undefined}
        onClick={(event) => handlers.onCheck(id, event.shiftKey)}
      />
      <div className="transfer-row__name">
        <span className="transfer-row__kind" aria-hidden="true">
          {KIND_GLYPHS[item.kind]}
        </span>
        <span className="transfer-row__title" title={item.source}>
          {item.name}
        </span>
        {item.error ? (
          <span
            className="transfer-row__error"
            title={`${item.error.message} (${t('row.error', { code: item.error.code })})`}
          >
            {errorText(item.error)}
          </span>
        ) : item.note ? (
          <span className="transfer-row__note" title={item.note}>
            {item.note}
          </span>
        ) : item.source !== item.name ? (
          <span className="transfer-row__source">{item.source}</span>
        ) : null}
      </div>
      <span className="transfer-row__size">
        {total
          ? `${formatBytes(done, language)} / ${formatBytes(total, language)}`
          : formatBytes(done, language)}
      </span>
      <div
        className="progress"
        role="progressbar"
        aria-label={t('row.progress', { name: item.name })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(percent)}
      >
        <div className="progress__bar" style={{ width: `${percent}%` }} />
      </div>
      <span className="transfer-row__speed">
        {moving ? t('row.speed', { speed: formatBytes(progress.speed, language) }) : ''}
      </span>
      <span className="transfer-row__eta">{moving ? formatDuration(progress.eta, language) : ''}</span>
      <span className={`badge badge--${item.status}`}>{t(`status.${item.status}`)}</span>
      <span className="transfer-row__actions">
        <LocalFileButtons item={item} />
        {item.status === 'completed' && item.link ? (
          <button
            type="button"
            className="button button--small button--icon"
            aria-label={t('row.actionOn', { action: t('actions.copyLink'), name: item.name })}
            title={`${t('actions.copyLink')}: ${item.link}`}
            onClick={() => handlers.onCopyLink(id)}
          >
            <CopyIcon />
          </button>
        ) : null}
        {item.kind === 'download' &&
        item.status === 'failed' &&
        PASSWORD_CODES.has(item.error?.code ?? '') ? (
          <button
            type="button"
            className="button button--small"
            aria-label={t('row.actionOn', { action: t('password.action'), name: item.name })}
            onClick={() => handlers.onPassword(id)}
          >
            {t('password.action')}
          </button>
        ) : null}
        {actionsFor(item.status).map((action) => (
          <button
            key={action}
            type="button"
            className="button button--small"
            aria-label={t('row.actionOn', { action: t(`actions.${action}`), name: item.name })}
            onClick={() => handlers.onAction(action, id)}
          >
            {t(`actions.${action}`)}
          </button>
        ))}
      </span>
    </div>
  )
})
