import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatBytes } from '../../../shared/format/format-bytes'
import type { ServerFolderListing } from '../../../shared/model/server-files'
import { describeError } from '../../lib/describe-error'
import { call } from '../../lib/ipc'
import { FolderIcon } from '../remote/folder-icon'
import { RemoteDialog } from '../remote/remote-dialog'
import { usePendingAction } from '../remote/use-pending-action'

type Load =
  { kind: 'loading' } | { kind: 'loaded'; listing: ServerFolderListing } | { kind: 'failed'; message: string }

/**
 * Chooses files and folders on the machine that runs `fichier serve`, inside the folders it shares
 * (`--root`), one folder at a time; what is ticked is kept while browsing, then uploaded together.
 */
export function ServerFilePicker({
  folderName,
  onPick,
  onCancel,
}: {
  folderName: string
  onPick(paths: string[]): Promise<void>
  onCancel(): void
}) {
  const { t, i18n } = useTranslation('uploads')
  const [path, setPath] = useState<string | null>(null)
  const [load, setLoad] = useState<Load>({ kind: 'loading' })
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set())
  const { busy, error, run } = usePendingAction()

  useEffect(() => {
    let live = true
    call('serverFiles:list', { path }).then(
      (listing) => live && setLoad({ kind: 'loaded', listing }),
      (caught: unknown) => live && setLoad({ kind: 'failed', message: describeError(caught) }),
    )
    return () => {
      live = false
    }
  }, [path])

  const open = (next: string | null) => {
    setLoad({ kind: 'loading' })
    setPath(next)
  }
  const toggle = (entry: string) =>
    setPicked((current) => {
      const next = new Set(current)
      if (!next.delete(entry)) next.add(entry)
      return next
    })
  const listing = load.kind === 'loaded' ? load.listing : null

  return (
    <RemoteDialog
      title={t('serverPicker.title', { folder: folderName })}
      wide
      error={error}
      onCancel={onCancel}
      onSubmit={() => picked.size > 0 && run(() => onPick([...picked]))}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            {t('cancel', { ns: 'common' })}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || picked.size === 0}>
            {t('serverPicker.submit', { count: picked.size })}
          </button>
        </>
      }
    >
      <p className="remote-dialog__intro">{t('serverPicker.intro')}</p>
      <div className="server-picker__nav">
        <button type="button" className="link" disabled={path === null} onClick={() => open(null)}>
          {t('serverPicker.roots')}
        </button>
        {listing?.parent ? (
          <button type="button" className="link" onClick={() => open(listing.parent)}>
            {t('serverPicker.up')}
          </button>
        ) : null}
        {path ? <code className="server-picker__path">{path}</code> : null}
      </div>
      <div className="remote-chooser">
        {load.kind === 'loading' ? <p className="field__hint">{t('serverPicker.loading')}</p> : null}
        {load.kind === 'failed' ? (
          <p className="message message--error" role="alert">
            {load.message}
          </p>
        ) : null}
        {listing && listing.entries.length === 0 ? (
          <p className="field__hint">{path === null ? t('serverPicker.noRoots') : t('serverPicker.empty')}</p>
        ) : null}
        {listing && listing.entries.length > 0 ? (
          <ul className="server-picker__list" aria-label={path ?? t('serverPicker.roots')}>
            {listing.entries.map((entry) => (
              <li key={entry.path} className="server-picker__entry">
                <input
                  type="checkbox"
                  aria-label={entry.name}
                  disabled={entry.kind === 'other'}
                  title={entry.kind === 'other' ? t('serverPicker.unusable') : undefined}
                  checked={picked.has(entry.path)}
                  onChange={() => toggle(entry.path)}
                />
                {entry.kind === 'folder' ? (
                  <button type="button" className="remote-chooser__item" onClick={() => open(entry.path)}>
                    <FolderIcon />
                    <span>{entry.name}</span>
                  </button>
                ) : (
                  <span className={entry.kind === 'other' ? 'server-picker__name--unusable' : undefined}>
                    {entry.name}
                  </span>
                )}
                {entry.size !== null ? (
                  <span className="server-picker__size">{formatBytes(entry.size, i18n.language)}</span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {listing?.truncated ? (
          <p className="field__hint">{t('serverPicker.truncated', { max: listing.entries.length })}</p>
        ) : null}
      </div>
    </RemoteDialog>
  )
}
