import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Section } from '../../app/section'
import { showFailure, showToast } from '../../app/toasts/toast-center'
import { formatBytes } from '../../../shared/format/format-bytes'
import { call } from '../../lib/ipc'
import { useHistory } from '../../stores/stores-context'
import { useKnownFolderNames } from '../remote/known-folder-names'
import { CopyIcon } from '../transfers/copy-icon'
import { LocalFileButtons } from '../transfers/local-file-buttons'
import { ConfirmForgetDialog } from './confirm-forget-dialog'
import { countLinks, EXPORT_FILES, ExportFormat, exportLinks } from './export-links'
import { historyEntries, searchHistory, type HistoryEntry } from './history-entry'
import { copyText } from '../../lib/copy-text'
import './history.css'

/** Rows drawn at once; more on request (exports always take every row shown by the search). */
const PAGE = 200

interface HistoryViewProps {
  onNavigate(section: Section): void
}

function saveFile(name: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }))
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = name
  anchor.style.display = 'none'
  document.body.append(anchor)
  anchor.click()
  anchor.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Finished downloads and uploads with their links: search, select, copy or save the links. */
export function HistoryView({ onNavigate }: HistoryViewProps) {
  const { t, i18n } = useTranslation('history')
  const byId = useHistory((state) => state.byId)
  const loaded = useHistory((state) => state.loaded)
  const loadError = useHistory((state) => state.error)
  const [forgetting, setForgetting] = useState<string[] | null>(null)
  const entries = useMemo(() => historyEntries(byId), [byId])
  const folderNames = useKnownFolderNames()
  const [query, setQuery] = useState('')
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set())
  const [format, setFormat] = useState<ExportFormat>('text')
  const [limit, setLimit] = useState(PAGE)
  const shown = useMemo(() => searchHistory(entries, query), [entries, query])

  const dates = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
    [i18n.language],
  )
  const shownSelected = shown.filter((entry) => selected.has(entry.id))
  const scope = shownSelected.length > 0 ? shownSelected : shown
  const allShownSelected = shown.length > 0 && shownSelected.length === shown.length

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })
  const toggleAll = (on: boolean) =>
    setSelected((current) => {
      const next = new Set(current)
      for (const entry of shown) {
        if (on) next.add(entry.id)
        else next.delete(entry.id)
      }
      return next
    })

  const build = (): { text: string; count: number } | null => {
    const count = countLinks(scope)
    if (count === 0) {
      showToast({ kind: 'info', message: t('export.nothing') })
      return null
    }
    return { text: exportLinks(scope, format, t('export.headers', { returnObjects: true })), count }
  }

  const copy = async () => {
    const built = build()
    if (!built) return
    try {
      await copyText(built.text)
      showToast({
        kind: 'ok',
        message: t('export.copied', { count: built.count, format: t(`export.formats.${format}`) }),
      })
    } catch (error) {
      showFailure(t('export.copyAction'), error, t('export.copyAdvice'))
    }
  }

  const save = () => {
    const built = build()
    if (!built) return
    const { extension, mime } = EXPORT_FILES[format]
    const file = `fichier-links-${new Date().toISOString().slice(0, 10)}.${extension}`
    saveFile(file, built.text, mime)
    showToast({ kind: 'ok', message: t('export.saved', { count: built.count, file }) })
  }

  const forget = async (ids: string[]) => {
    setForgetting(null)
    try {
      const { removed } = await call('history:clear', { ids })
      setSelected((current) => new Set([...current].filter((id) => !ids.includes(id))))
      showToast({ kind: 'ok', message: t('forget.done', { count: removed }) })
    } catch (error) {
      showFailure(t('forget.failed'), error)
    }
  }

  const copyOne = async (entry: HistoryEntry) => {
    if (!entry.link) return
    try {
      await copyText(entry.link)
      showToast({ kind: 'ok', message: t('export.linkCopied') })
    } catch (error) {
      showFailure(t('export.copyAction'), error, t('export.copyAdvice'))
    }
  }

  const place = (entry: HistoryEntry) => {
    if (entry.kind === 'download') return entry.place
    if (entry.kind === 'remote-upload') return t('place.fetched', { url: entry.place })
    if (entry.place === '0') return t('place.remoteRoot')
    const name = folderNames[Number(entry.place)]
    return name === undefined
      ? t('place.remoteFolder', { id: entry.place })
      : t('place.remoteNamed', { name })
  }

  return (
    <section className="view" aria-labelledby="view-title">
      <header className="view__header">
        <h1 id="view-title">{t('title')}</h1>
        {entries.length > 0 ? (
          <span className="history__count">{t('shownCount', { count: shown.length })}</span>
        ) : null}
      </header>
      {loadError ? (
        <p className="message message--error" role="alert">
          {t('loadFailed', { message: loadError })}
        </p>
      ) : null}
      {loaded && !loadError && entries.length === 0 ? (
        <div className="empty">
          <h2>{t('empty.title')}</h2>
          <p>{t('empty.body')}</p>
          <button type="button" className="button button--primary" onClick={() => onNavigate('transfers')}>
            {t('empty.action')}
          </button>
        </div>
      ) : null}
      {entries.length > 0 ? (
        <>
          <p className="field__hint">{t('intro')}</p>
          <div className="filters">
            <div className="filters__field--grow">
              <input
                type="search"
                className="input"
                aria-label={t('search')}
                placeholder={t('searchPlaceholder')}
                value={query}
                onChange={(event) => setQuery(event.target.value)}
              />
            </div>
          </div>
          <div className="history__export" role="group" aria-label={t('export.label')}>
            <label className="history__format">
              <span>{t('export.format')}</span>
              <select
                className="input"
                value={format}
                onChange={(event) => setFormat(ExportFormat.parse(event.target.value))}
              >
                {ExportFormat.options.map((option) => (
                  <option key={option} value={option}>
                    {t(`export.formats.${option}`)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button button--primary" onClick={() => void copy()}>
              {t('export.copy')}
            </button>
            <button type="button" className="button" onClick={save}>
              {t('export.save')}
            </button>
            <button
              type="button"
              className="button button--danger"
              onClick={() => setForgetting(scope.map((entry) => entry.id))}
            >
              {t('forget.action')}
            </button>
            <span className="history__scope">
              {shownSelected.length > 0
                ? t('export.scopeSelected', { count: shownSelected.length })
                : t('export.scopeShown')}
            </span>
          </div>
          {shown.length === 0 ? (
            <p className="empty">{t('empty.noMatch', { query })}</p>
          ) : (
            <div className="table-wrap history__table-wrap">
              <table className="table history__table" aria-label={t('tableLabel')}>
                <thead>
                  <tr>
                    <th className="history__check">
                      <input
                        type="checkbox"
                        aria-label={t('selectAll')}
                        checked={allShownSelected}
                        ref={(box) => {
                          if (box) box.indeterminate = shownSelected.length > 0 && !allShownSelected
                        }}
                        onChange={(event) => toggleAll(event.target.checked)}
                      />
                    </th>
                    <th>{t('columns.name')}</th>
                    <th className="history__num">{t('columns.size')}</th>
                    <th>{t('columns.when')}</th>
                    <th>{t('columns.place')}</th>
                    <th>{t('columns.link')}</th>
                    <th>
                      <span className="visually-hidden">{t('columns.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.slice(0, limit).map((entry) => (
                    <tr key={entry.id} aria-selected={selected.has(entry.id)} data-kind={entry.kind}>
                      <td className="history__check">
                        <input
                          type="checkbox"
                          aria-label={t('selectRow', { name: entry.name })}
                          checked={selected.has(entry.id)}
                          onChange={(event) => toggle(entry.id, event.target.checked)}
                        />
                      </td>
                      <td>
                        <div className="history__stack">
                          <span className="history__title" title={entry.name}>
                            {entry.name}
                          </span>
                          <span className={`history__kind history__kind--${entry.kind}`}>
                            {t(`kind.${entry.kind}`)}
                          </span>
                        </div>
                      </td>
                      <td className="history__num">{formatBytes(entry.size, i18n.language)}</td>
                      <td className="history__when">
                        {entry.finishedAt === null ? '—' : dates.format(entry.finishedAt)}
                      </td>
                      <td className="history__place" title={place(entry)}>
                        {place(entry)}
                      </td>
                      <td>
                        <div className="history__stack">
                          {entry.link ? (
                            <span className="history__link-line">
                              <code className="history__link" title={entry.link}>
                                {entry.link}
                              </code>
                              <button
                                type="button"
                                className="button button--small"
                                aria-label={t('copyLink', { name: entry.name })}
                                onClick={() => void copyOne(entry)}
                              >
                                <CopyIcon />
                              </button>
                            </span>
                          ) : (
                            <span className="history__muted">{t('noLink')}</span>
                          )}
                          {entry.removeLink ? (
                            <span className="history__remove" title={entry.removeLink}>
                              {t('removeLink')}: <code>{entry.removeLink}</code>
                            </span>
                          ) : null}
                        </div>
                      </td>
                      <td className="history__actions">
                        <LocalFileButtons item={{ ...entry, status: 'completed' }} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {shown.length > limit ? (
                <div className="history__more">
                  <span>{t('partial', { shown: limit, total: shown.length })}</span>
                  <button
                    type="button"
                    className="button"
                    onClick={() => setLimit((current) => current + PAGE)}
                  >
                    {t('showMore', { count: Math.min(PAGE, shown.length - limit) })}
                  </button>
                </div>
              ) : null}
            </div>
          )}
        </>
      ) : null}
      {forgetting ? (
        <ConfirmForgetDialog
          count={forgetting.length}
          onConfirm={() => void forget(forgetting)}
          onCancel={() => setForgetting(null)}
        />
      ) : null}
    </section>
  )
}
