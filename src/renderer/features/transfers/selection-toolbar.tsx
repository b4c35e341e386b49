import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReorderRequest } from '../../../shared/model/intake'
import { useItems } from '../../stores/stores-context'
import { transportKind } from '../../lib/ipc'
import { IS_MAC } from './is-mac'
import { LocalFileAction, localActionsFor } from './local-file-action'
import { LocalFileIcon } from './local-file-icon'
import { ACTION_APPLIES_TO, type TransferAction } from './transfer-action'
import { useShortcutHint } from './use-shortcut-hint'

type Reorder = ReorderRequest['to']

interface SelectionToolbarProps {
  /** Selected ids in the order shown. */
  selected: readonly string[]
  /** How many rows are shown (what "select all" selects). */
  shown: number
  onSelectAll(): void
  onClear(): void
  onAction(action: TransferAction): void
  /** False while the rows are shown in another order than the queue's. */
  canReorder: boolean
  onReorder(to: Reorder): void
  onCopy(which: 'link' | 'removeLink'): void
  /** Opens (or shows in their folder) the selected transfers this applies to. */
  onLocalFile(action: LocalFileAction): void
}

const ACTIONS: TransferAction[] = ['pause', 'resume', 'retry', 'cancel', 'remove']
const MOVES: { to: Reorder; glyph: string; key: 'top' | 'up' | 'down' | 'bottom' }[] = [
  { to: 'top', glyph: '⤒', key: 'top' },
  { to: 'up', glyph: '↑', key: 'up' },
  { to: 'down', glyph: '↓', key: 'down' },
  { to: 'bottom', glyph: '⤓', key: 'bottom' },
]

/** The bar above the list: select all, how many are selected, and what to do with them. */
export function SelectionToolbar(props: SelectionToolbarProps) {
  const { selected, shown, onSelectAll, onClear, onAction, canReorder, onReorder, onCopy, onLocalFile } =
    props
  const { t } = useTranslation('transfers')
  const hint = useShortcutHint()
  const byId = useItems((state) => state.byId)
  const items = selected.map((id) => byId[id]).filter((item) => item !== undefined)
  const applies = (action: TransferAction) =>
    items.some((item) => ACTION_APPLIES_TO[action].includes(item.status))
  const hasLinks = items.some((item) => item.status === 'completed' && item.link)
  const local = new Set(items.flatMap((item) => localActionsFor(item)))
  const hasRemoveLinks = items.some((item) => item.status === 'completed' && item.removeLink)

  const allRef = useRef<HTMLInputElement>(null)
  const all = shown > 0 && selected.length === shown
  const some = selected.length > 0 && !all
  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = some
  }, [some])

  const none = selected.length === 0
  const shortcutOf = { pause: 'toggle-pause', resume: 'toggle-pause', remove: 'remove' } as const
  return (
    <div className="selection-bar" role="toolbar" aria-label={t('selection.label')}>
      <label className="selection-bar__all" title={hint(t('selection.selectAll'), 'select-all')}>
        <input
          ref={allRef}
          type="checkbox"
          checked={all}
          disabled={shown === 0}
          onChange={() => (all ? onClear() : onSelectAll())}
        />
        <span className="visually-hidden">{t('selection.selectAll')}</span>
      </label>
      <span className="selection-bar__count" aria-live="polite">
        {none
          ? t('selection.hint', { modifier: IS_MAC ? '⌘' : 'Ctrl' })
          : t('selection.count', { count: selected.length })}
      </span>
      {none ? null : (
        <>
          <span className="selection-bar__group">
            {ACTIONS.map((action) => {
              const label = t(`actions.${action}`)
              const shortcut = action in shortcutOf ? shortcutOf[action as keyof typeof shortcutOf] : null
              return (
                <button
                  key={action}
                  type="button"
                  className={`button button--small${action === 'remove' ? ' button--danger' : ''}`}
                  disabled={!applies(action)}
                  title={shortcut ? hint(label, shortcut) : undefined}
                  onClick={() => onAction(action)}
                >
                  {label}
                </button>
              )
            })}
          </span>
          <span className="selection-bar__group">
            {MOVES.map(({ to, glyph, key }) => (
              <button
                key={to}
                type="button"
                className="button button--small button--icon"
                aria-label={t(`actions.${key}`)}
                title={canReorder ? t(`actions.${key}`) : t('sort.reorderBlocked')}
                disabled={!canReorder}
                onClick={() => onReorder(to)}
              >
                <span aria-hidden="true">{glyph}</span>
              </button>
            ))}
          </span>
          {transportKind() === 'electron' ? (
            <span className="selection-bar__group">
              {LocalFileAction.options.map((action) => (
                <button
                  key={action}
                  type="button"
                  className="button button--small button--icon"
                  aria-label={t(`actions.${action}`)}
                  title={t(`actions.${action}`)}
                  disabled={!local.has(action)}
                  onClick={() => onLocalFile(action)}
                >
                  <LocalFileIcon action={action} />
                </button>
              ))}
            </span>
          ) : null}
          <span className="selection-bar__group">
            <button
              type="button"
              className="button button--small"
              disabled={!hasLinks}
              onClick={() => onCopy('link')}
            >
              {t('actions.copyLinks')}
            </button>
            {hasRemoveLinks ? (
              <button type="button" className="button button--small" onClick={() => onCopy('removeLink')}>
                {t('actions.copyRemoveLinks')}
              </button>
            ) : null}
          </span>
          <button
            type="button"
            className="link selection-bar__clear"
            title={hint(t('selection.clear'), 'clear-selection')}
            onClick={onClear}
          >
            {t('selection.clear')}
          </button>
        </>
      )}
    </div>
  )
}
