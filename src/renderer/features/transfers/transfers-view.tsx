import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from 'zustand'
import type { ReorderRequest, Selection } from '../../../shared/model/intake'
import type { TransferView } from '../../../shared/model/transfer'
import { showToast } from '../../app/toasts/toast-center'
import { describeError } from '../../lib/describe-error'
import { call, transportKind } from '../../lib/ipc'
import { useItems, useStores } from '../../stores/stores-context'
import { ConfirmRemoveDialog } from './confirm-remove-dialog'
import { PasswordDialog } from './password-dialog'
import { IS_MAC } from './is-mac'
import { localActionsFor, type LocalFileAction } from './local-file-action'
import { openLocalFile } from './open-local-file'
import {
  clickIntent,
  clickSelection,
  EMPTY_SELECTION,
  pruneSelection,
  selectAll,
  selectedInOrder,
  stepSelection,
} from './selection-model'
import { createSelectionStore } from './selection-store'
import { SelectionToolbar } from './selection-toolbar'
import { ACTION_APPLIES_TO, IN_PROGRESS, type TransferAction } from './transfer-action'
import { KindFilter, matchesFilter, NO_FILTER, StatusFilter, type TransferFilter } from './transfer-filter'
import { shortcutFor, type ShortcutMatch } from './transfer-keymap'
import { QUEUE_ORDER, SortKey, sortTransferIds, type TransferSort } from './transfer-sort'
import { transferSortMemory } from './transfer-sort-memory'
import { TransferList } from './transfer-list'
import type { RowHandlers } from './transfer-row'
import { useShortcutHint } from './use-shortcut-hint'
import { copyText } from '../../lib/copy-text'
import './transfers.css'

const CHANNELS = {
  pause: 'transfers:pause',
  resume: 'transfers:resume',
  retry: 'transfers:resume',
  cancel: 'transfers:cancel',
  remove: 'transfers:remove',
} as const

/** At most this many files are opened (or shown) at once from a selection. */
const MAX_OPEN = 10

type Notice = { kind: 'ok' | 'error'; text: string } | null

/** A key press the view should leave alone: typing, a dialog, or a control that Space activates. */
function ignoresShortcut(target: EventTarget | null, match: ShortcutMatch): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.closest('dialog')) return true
  if (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
    return true
  if (target instanceof HTMLInputElement && target.type !== 'checkbox') return true
  if (match.shortcut === 'toggle-pause' && target.closest('button, input, a')) return true
  if (match.shortcut === 'previous' || match.shortcut === 'next')
    return target !== document.body && !target.closest('.transfer-list')
  return false
}

export function TransfersView({ onAddLinks }: { onAddLinks(): void }) {
  const { t, i18n } = useTranslation('transfers')
  const hint = useShortcutHint()
  const stores = useStores()
  const ids = useItems((state) => state.ids)
  const byId = useItems((state) => state.byId)
  const loaded = useItems((state) => state.loaded)
  const [filter, setFilter] = useState<TransferFilter>(NO_FILTER)
  const [sort, setSortState] = useState<TransferSort>(transferSortMemory.get)
  const setSort = useCallback((next: TransferSort) => {
    transferSortMemory.set(next)
    setSortState(next)
  }, [])
  const canReorder = sort.key === QUEUE_ORDER.key && sort.direction === QUEUE_ORDER.direction
  const [notice, setNotice] = useState<Notice>(null)
  const [confirming, setConfirming] = useState<{ ids: string[]; active: number } | null>(null)
  const [selection] = useState(createSelectionStore)
  const selectedSet = useStore(selection, (state) => state.selected)

  const filtered = useMemo(
    () =>
      filter === NO_FILTER
        ? ids
        : ids.filter((id) => {
            const item = byId[id]
            return item !== undefined && matchesFilter(item, filter)
          }),
    [ids, byId, filter],
  )
  // Sorted once per change of the items or of the order chosen; the queue itself is left as it is.
  const visible = useMemo(
    () => sortTransferIds(filtered, byId, sort, i18n.language),
    [filtered, byId, sort, i18n.language],
  )
  // Row handlers read the rows shown through a ref, so a new list does not re-render every row.
  const visibleRef = useRef(visible)
  // Rows removed or filtered out leave the selection.
  useEffect(() => {
    visibleRef.current = visible
    const current = selection.getState()
    const next = pruneSelection(current, visible)
    if (next !== current) selection.setState(next, true)
  }, [visible, selection])
  const selected = useMemo(
    () => selectedInOrder({ ...EMPTY_SELECTION, selected: selectedSet }, visible),
    [selectedSet, visible],
  )

  const run = useCallback(async (action: TransferAction, selectionInput: Selection) => {
    setNotice(null)
    try {
      await call(CHANNELS[action], selectionInput)
    } catch (caught) {
      setNotice({ kind: 'error', text: describeError(caught) })
    }
  }, [])

  const itemsOf = useCallback(
    (list: readonly string[]): TransferView[] =>
      list.map((id) => stores.items.getState().byId[id]).filter((item) => item !== undefined),
    [stores],
  )

  /** Removes at once, or asks first when some of them are still in progress. */
  const remove = useCallback(
    (list: readonly string[]) => {
      if (list.length === 0) return
      const active = itemsOf(list).filter((item) => IN_PROGRESS.includes(item.status)).length
      if (active > 0) setConfirming({ ids: [...list], active })
      else void run('remove', { ids: [...list] })
    },
    [itemsOf, run],
  )

  /** Applies `action` to those of `list` it changes (Resume leaves failed ones, Retry takes them). */
  const apply = useCallback(
    (action: TransferAction, list: readonly string[]) => {
      if (action === 'remove') return remove(list)
      const targets = itemsOf(list)
        .filter((item) => ACTION_APPLIES_TO[action].includes(item.status))
        .map((item) => item.id)
      if (targets.length > 0) void run(action, { ids: targets })
    },
    [itemsOf, remove, run],
  )

  const reorder = useCallback(async (to: ReorderRequest['to'], list: readonly string[]) => {
    if (list.length === 0) return
    setNotice(null)
    try {
      await call('transfers:reorder', { ids: [...list], to })
    } catch (caught) {
      setNotice({ kind: 'error', text: describeError(caught) })
    }
  }, [])

  const copy = useCallback(
    async (list: readonly string[], which: 'link' | 'removeLink') => {
      const links = itemsOf(list)
        .filter((item) => item.status === 'completed')
        .map((item) => item[which])
        .filter((link) => link !== undefined && link !== '')
      if (links.length === 0) {
        setNotice({ kind: 'error', text: t('copied.none') })
        return
      }
      try {
        await copyText(links.join('\n'))
        setNotice({ kind: 'ok', text: t('copied.links', { count: links.length }) })
      } catch (caught) {
        setNotice({ kind: 'error', text: t('copied.failed', { message: describeError(caught) }) })
      }
    },
    [itemsOf, t],
  )

  const openSelected = useCallback(
    async (action: LocalFileAction, list: readonly string[]) => {
      if (transportKind() === 'web') return
      const targets = itemsOf(list).filter((item) => localActionsFor(item).includes(action))
      for (const item of targets.slice(0, MAX_OPEN)) await openLocalFile(item, action, t)
      if (targets.length > MAX_OPEN)
        showToast({ kind: 'info', message: t('localFile.capped', { count: MAX_OPEN }) })
    },
    [itemsOf, t],
  )

  const [askingPassword, setAskingPassword] = useState<string | null>(null)
  const handlers = useMemo<RowHandlers>(
    () => ({
      onAction: (action, id) => apply(action, [id]),
      onSelect: (id: string, event: MouseEvent) =>
        selection.setState(
          clickSelection(selection.getState(), id, visibleRef.current, clickIntent(event, IS_MAC)),
          true,
        ),
      onCheck: (id, shiftKey) =>
        selection.setState(
          clickSelection(selection.getState(), id, visibleRef.current, shiftKey ? 'range' : 'toggle'),
          true,
        ),
      onCopyLink: (id) => void copy([id], 'link'),
      onPassword: (id) => setAskingPassword(id),
    }),
    [apply, copy, selection],
  )

  const onShortcut = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented) return
    const match = shortcutFor(event, IS_MAC)
    if (!match || match.shortcut === 'add' || ignoresShortcut(event.target, match)) return
    const state = selection.getState()
    switch (match.shortcut) {
      case 'select-all':
        event.preventDefault()
        selection.setState(selectAll(visible), true)
        return
      case 'clear-selection':
        if (state.selected.size === 0) return
        event.preventDefault()
        selection.setState(EMPTY_SELECTION, true)
        return
      case 'previous':
      case 'next':
        event.preventDefault()
        selection.setState(
          stepSelection(state, visible, match.shortcut === 'next' ? 1 : -1, match.extend),
          true,
        )
        return
      case 'remove':
        if (selected.length === 0) return
        event.preventDefault()
        remove(selected)
        return
      case 'toggle-pause': {
        if (selected.length === 0) return
        event.preventDefault()
        const moving = itemsOf(selected).some((item) => ACTION_APPLIES_TO.pause.includes(item.status))
        apply(moving ? 'pause' : 'resume', selected)
        return
      }
    }
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onShortcut(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])

  return (
    <section className="view" aria-labelledby="view-title">
      <header className="view__header">
        <h1 id="view-title">{t('title')}</h1>
        <div className="toolbar" role="toolbar" aria-label={t('toolbar')}>
          <button
            type="button"
            className="button button--primary"
            title={hint(t('addLinks'), 'add')}
            onClick={onAddLinks}
          >
            {t('addLinks')}
          </button>
          <button type="button" className="button" onClick={() => void run('pause', { all: true })}>
            {t('pauseAll')}
          </button>
          <button type="button" className="button" onClick={() => void run('resume', { all: true })}>
            {t('resumeAll')}
          </button>
        </div>
      </header>
      <div className="filters">
        <div className="segmented" role="group" aria-label={t('kind.label')}>
          {KindFilter.options.map((kind) => (
            <button
              key={kind}
              type="button"
              className="segmented__item"
              aria-pressed={filter.kind === kind}
              onClick={() => setFilter((current) => ({ ...current, kind }))}
            >
              {t(`kind.${kind}`)}
            </button>
          ))}
        </div>
        <label className="filters__field">
          <span className="visually-hidden">{t('status.label')}</span>
          <select
            className="input"
            value={filter.status}
            onChange={(event) =>
              setFilter((current) => ({ ...current, status: StatusFilter.parse(event.target.value) }))
            }
          >
            {StatusFilter.options.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="filters__field transfers__sort">
          <label>
            <span className="transfers__sort-label">{t('sort.label')}</span>
            <select
              className="input"
              value={sort.key}
              onChange={(event) => {
                const key = SortKey.parse(event.target.value)
                setSort({ key, direction: key === 'queue' ? 'asc' : sort.direction })
              }}
            >
              {SortKey.options.map((key) => (
                <option key={key} value={key}>
                  {t(`sort.${key}`)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button--icon"
            aria-label={t('sort.descending')}
            title={t('sort.descending')}
            aria-pressed={sort.direction === 'desc'}
            onClick={() => setSort({ ...sort, direction: sort.direction === 'asc' ? 'desc' : 'asc' })}
          >
            <span aria-hidden="true">{sort.direction === 'asc' ? '↑' : '↓'}</span>
          </button>
        </div>
        <label className="filters__field filters__field--grow">
          <span className="visually-hidden">{t('search.label')}</span>
          <input
            className="input"
            type="search"
            placeholder={t('search.placeholder')}
            value={filter.text}
            onChange={(event) => setFilter((current) => ({ ...current, text: event.target.value }))}
          />
        </label>
      </div>
      {notice ? (
        <p
          className={`message message--${notice.kind === 'ok' ? 'ok' : 'error'} transfers__notice`}
          role={notice.kind === 'ok' ? 'status' : 'alert'}
        >
          <span>{notice.text}</span>
          <button
            type="button"
            className="link"
            aria-label={t('close', { ns: 'common' })}
            onClick={() => setNotice(null)}
          >
            ✕
          </button>
        </p>
      ) : null}
      {!loaded ? (
        <p className="empty">{t('empty.loading')}</p>
      ) : ids.length === 0 ? (
        <div className="empty">
          <h2>{t('empty.title')}</h2>
          <p>{t('empty.body')}</p>
        </div>
      ) : (
        <>
          <SelectionToolbar
            selected={selected}
            shown={visible.length}
            onSelectAll={() => selection.setState(selectAll(visible), true)}
            onClear={() => selection.setState(EMPTY_SELECTION, true)}
            onAction={(action) => apply(action, selected)}
            canReorder={canReorder}
            onReorder={(to) => void reorder(to, selected)}
            onCopy={(which) => void copy(selected, which)}
            onLocalFile={(action) => void openSelected(action, selected)}
          />
          {visible.length === 0 ? (
            <div className="empty">
              <p>{t('empty.filtered')}</p>
            </div>
          ) : (
            <TransferList ids={visible} selection={selection} handlers={handlers} />
          )}
        </>
      )}
      {askingPassword ? (
        <PasswordDialog
          id={askingPassword}
          name={itemsOf([askingPassword])[0]?.name ?? ''}
          onClose={() => setAskingPassword(null)}
        />
      ) : null}
      {confirming ? (
        <ConfirmRemoveDialog
          count={confirming.ids.length}
          active={confirming.active}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null)
            void run('remove', { ids: confirming.ids })
          }}
        />
      ) : null}
    </section>
  )
}
