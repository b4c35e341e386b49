import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RemoteFolder } from '../../../shared/model/remote'
import { describeError } from '../../lib/describe-error'
import { call } from '../../lib/ipc'
import { FolderIcon } from './folder-icon'
import { RemoteDialog } from './remote-dialog'
import { usePendingAction } from './use-pending-action'
import type { PickedRows } from './remote-row-selection'

interface Crumb {
  id: number
  name: string
}

type Folders =
  { kind: 'loading' } | { kind: 'loaded'; folders: RemoteFolder[] } | { kind: 'failed'; message: string }

/**
 * Chooses where to move the selection: browses the remote folders one level at a time (each listed
 * when opened), then moves into the folder open in the chooser. Folders being moved cannot be opened,
 * so nothing moves into itself.
 */
export function MoveDialog({
  picked,
  rootName,
  onMove,
  onCancel,
}: {
  picked: PickedRows
  rootName: string
  onMove(destination: Crumb): Promise<void>
  onCancel(): void
}) {
  const { t } = useTranslation('remote')
  const [path, setPath] = useState<Crumb[]>([{ id: 0, name: rootName }])
  const [folders, setFolders] = useState<Folders>({ kind: 'loading' })
  const { busy, error, run } = usePendingAction()
  /** Set when the user opened a folder: once it is listed, the focus goes to its first folder. */
  const navigated = useRef(false)
  const chooserRef = useRef<HTMLDivElement>(null)
  const here = path[path.length - 1] ?? { id: 0, name: rootName }
  const moving = new Set(picked.folders.map((folder) => folder.id))
  const count = picked.files.length + picked.folders.length

  useEffect(() => {
    let live = true
    call('remote:list', { folderId: here.id, refresh: false }).then(
      (listing) => live && setFolders({ kind: 'loaded', folders: listing.folders }),
      (caught: unknown) => live && setFolders({ kind: 'failed', message: describeError(caught) }),
    )
    return () => {
      live = false
    }
  }, [here.id])

  useEffect(() => {
    if (folders.kind === 'loading' || !navigated.current) return
    navigated.current = false
    const first = chooserRef.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')
    const target =
      first ?? chooserRef.current?.closest('form')?.querySelector<HTMLButtonElement>('[type=submit]')
    target?.focus()
  }, [folders])

  const open = (next: Crumb[]) => {
    navigated.current = true
    setFolders({ kind: 'loading' })
    setPath(next)
  }

  const move = () => run(() => onMove(here))

  return (
    <RemoteDialog
      error={error}
      title={t('move.title', { count })}
      wide
      onCancel={onCancel}
      onSubmit={move}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            {t('cancel', { ns: 'common' })}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-autofocus>
            {t('move.confirm', { name: here.name })}
          </button>
        </>
      }
    >
      <p className="remote-dialog__intro">{t('move.hint')}</p>
      <nav className="breadcrumbs" aria-label={t('path')}>
        <ol>
          {path.map((crumb, index) => (
            <li key={`${crumb.id}-${index}`}>
              {index === path.length - 1 ? (
                <span aria-current="location">{crumb.name}</span>
              ) : (
                <button type="button" className="link" onClick={() => open(path.slice(0, index + 1))}>
                  {crumb.name}
                </button>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <div className="remote-chooser" ref={chooserRef}>
        {folders.kind === 'loading' ? <p className="field__hint">{t('loading', { ns: 'common' })}</p> : null}
        {folders.kind === 'failed' ? (
          <p className="message message--error" role="alert">
            {folders.message}
          </p>
        ) : null}
        {folders.kind === 'loaded' ? (
          folders.folders.length === 0 ? (
            <p className="field__hint">{t('move.noFolders')}</p>
          ) : (
            <ul className="remote-chooser__list" aria-label={t('move.chooser', { name: here.name })}>
              {folders.folders.map((folder) => (
                <li key={folder.id}>
                  <button
                    type="button"
                    className="remote-chooser__item"
                    disabled={moving.has(folder.id)}
                    aria-label={
                      moving.has(folder.id)
                        ? t('move.beingMoved', { name: folder.name })
                        : t('move.open', { name: folder.name })
                    }
                    onClick={() => open([...path, { id: folder.id, name: folder.name }])}
                  >
                    <FolderIcon />
                    <span>{folder.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          )
        ) : null}
      </div>
    </RemoteDialog>
  )
}
