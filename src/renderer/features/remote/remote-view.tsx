import { useCallback, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { RemoteFile, RemoteFolder, RemoteListing } from '../../../shared/model/remote'
import type { Section } from '../../app/section'
import { describeError } from '../../lib/describe-error'
import { call, transportKind } from '../../lib/ipc'
import { useStatus, useStores } from '../../stores/stores-context'
import { localFilePaths } from '../uploads/local-file-paths'
import { ServerFilePicker } from '../uploads/server-file-picker'
import { copyText } from '../../lib/copy-text'
import { DeleteDialog } from './delete-dialog'
import { FileOptionsDialog } from './file-options-dialog'
import type { FolderCrumb } from './folder-crumb'
import { FolderTree } from './folder-tree'
import { MoveDialog } from './move-dialog'
import { NameDialog } from './name-dialog'
import { RemoteUploadDialog } from './remote-upload-dialog'
import type { ListingChange } from './patch-listing'
import { RemoteNoticeBar, type RemoteNotice } from './remote-notice'
import { RemoteRowSelection, type PickedRows, type RowKey } from './remote-row-selection'
import { RemoteTable } from './remote-table'
import { RowDrag } from './row-drag'
import { SelectionBar } from './selection-bar'
import { ShareDialog } from './share-dialog'
import { useFolderTree } from './use-folder-tree'
import { useRemoteDownload } from './use-remote-download'
import { useRemoteListing } from './use-remote-listing'
import './remote.css'

type Dialog =
  | { kind: 'newFolder' }
  | { kind: 'rename'; target: { kind: 'file'; file: RemoteFile } | { kind: 'folder'; folder: RemoteFolder } }
  | { kind: 'move'; picked: PickedRows }
  | { kind: 'delete'; picked: PickedRows }
  | { kind: 'share'; folder: RemoteFolder }
  | { kind: 'options'; picked: PickedRows }
  | { kind: 'remoteUpload' }
  | { kind: 'serverFiles' }

const NO_ROWS: PickedRows = { folders: [], files: [] }

/**
 * The files on 1fichier: a lazily listed folder tree, breadcrumbs, and the open folder's table with a
 * selection to download, copy links of, rename, move, delete or share. Files dropped on the window
 * are uploaded into the open folder.
 */
export function RemoteView({ onNavigate }: { onNavigate(section: Section): void }) {
  const { t, i18n } = useTranslation('remote')
  const hasKey = useStatus((state) => state.account?.hasKey)
  const { status } = useStores()
  const rootName = t('root')
  const [path, setPath] = useState<FolderCrumb[]>(() => {
    const open = status.getState().remoteFolder
    return open.id === 0 ? [{ id: 0, name: '' }] : [{ id: 0, name: '' }, open]
  })
  const crumbs = path.map((crumb) => (crumb.id === 0 ? { id: 0, name: rootName } : crumb))
  const folder = crumbs[crumbs.length - 1] ?? { id: 0, name: rootName }
  const [selected, setSelected] = useState<ReadonlySet<RowKey>>(() => new Set())
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const [notice, setNotice] = useState<RemoteNotice | null>(null)
  const uploadRef = useRef<HTMLInputElement>(null)
  const tree = useFolderTree()
  const { learn, expandPath } = tree
  /** The folder just opened: its node opens in the tree once its listing is in, sparing a second listing. */
  const expandWhenListed = useRef<number | null>(null)

  const onListed = useCallback(
    (listing: RemoteListing) => {
      learn(listing)
      if (expandWhenListed.current === listing.folderId) {
        expandWhenListed.current = null
        expandPath([listing.folderId])
      }
    },
    [learn, expandPath],
  )
  const onRefreshFailed = useCallback(
    (message: string) => setNotice({ tone: 'error', text: `${t('failed.title')}: ${message}` }),
    [t, setNotice],
  )
  const { load, refresh, changed } = useRemoteListing(folder.id, onListed, onRefreshFailed)
  const { busy: downloading, download } = useRemoteDownload(setNotice)

  const listing = load.kind === 'loaded' ? load.listing : null
  const picked = listing ? RemoteRowSelection.pick(selected, listing) : NO_ROWS
  const count = picked.files.length + picked.folders.length
  const onlyFolder = count === 1 ? picked.folders[0] : undefined

  const openPath = (next: FolderCrumb[]) => {
    setPath(next)
    setSelected(new Set())
    tree.expandPath(next.slice(0, -1).map((crumb) => crumb.id))
    const open = next[next.length - 1] ?? { id: 0, name: rootName }
    expandWhenListed.current = open.id
    status.setState({ remoteFolder: { id: open.id, name: open.id === 0 ? rootName : open.name } })
  }
  /** After a change: show it, say what happened, and list the open folder again (1fichier's answer, not the cache). */
  const done = (text: string, change: ListingChange) => {
    setDialog(null)
    setNotice({ tone: 'ok', text })
    changed(change)
  }
  const fail = (action: string, error: unknown) =>
    setNotice({ tone: 'error', text: t('notices.failed', { action, message: describeError(error) }) })

  const move = async (rows: PickedRows, destination: FolderCrumb) => {
    if (destination.id === folder.id) {
      setDialog(null)
      return
    }
    const answer = await call('remote:move', {
      selection: RemoteRowSelection.toRemote(rows),
      destinationId: destination.id,
    })
    setSelected(new Set())
    tree.markStale(destination.id)
    done(t('notices.moved', { count: answer.moved, name: destination.name }), {
      kind: 'removed',
      ...RemoteRowSelection.toRemote(rows),
    })
  }
  /** Rows dropped on a folder; `path` is the destination's path from the root, when known. */
  const dropRows = (
    destination: FolderCrumb,
    keys: RowKey[],
    path: readonly FolderCrumb[] = [destination],
  ) => {
    if (!listing) return
    const rows = RemoteRowSelection.pick(new Set(keys), listing)
    // A folder never goes into itself or into one of its own sub-folders.
    const onPath = new Set(path.map((crumb) => crumb.id))
    rows.folders = rows.folders.filter((row) => !onPath.has(row.id))
    if (rows.files.length + rows.folders.length === 0) return
    move(rows, destination).catch((error: unknown) => fail(t('actions.move'), error))
  }

  const copyLinks = (files: readonly RemoteFile[]) => {
    copyText(files.map((file) => file.url).join('\n')).then(
      () => setNotice({ tone: 'ok', text: t('notices.copied', { count: files.length }) }),
      (error: unknown) =>
        setNotice({ tone: 'error', text: t('notices.copyFailed', { message: describeError(error) }) }),
    )
  }

  /** Uploads local paths (on the server, when served) into the open folder; says how many were added. */
  const uploadPaths = async (target: FolderCrumb, paths: string[]) => {
    const result = await call('transfers:add', { kind: 'upload', paths, folderId: target.id })
    setNotice({
      tone: 'ok',
      text: t('notices.uploadsAdded', { count: result.addedIds.length, name: target.name }),
      action: 'transfers',
    })
  }

  const upload = (files: readonly File[]) => {
    if (files.length === 0) return
    const target = folder
    localFilePaths(files)
      .then((paths) => uploadPaths(target, paths))
      .catch((error: unknown) => {
        if (!(error instanceof DOMException && error.name === 'AbortError')) fail(t('actions.upload'), error)
      })
  }

  const openRename = () => {
    const file = picked.files[0]
    if (count !== 1) return
    setDialog(
      onlyFolder
        ? { kind: 'rename', target: { kind: 'folder', folder: onlyFolder } }
        : file
          ? { kind: 'rename', target: { kind: 'file', file } }
          : null,
    )
  }
  const onTableKey = (event: KeyboardEvent) => {
    if (!listing || (event.target as HTMLElement).closest('input[type="text"], textarea')) return
    if (event.key === 'Delete' && count > 0) setDialog({ kind: 'delete', picked })
    else if (event.key === 'F2' && count === 1) openRename()
    else if (event.key.toLowerCase() === 'a' && (event.ctrlKey || event.metaKey)) {
      setSelected(new Set(RemoteRowSelection.keys(listing)))
    } else return
    event.preventDefault()
  }

  const needsKey = hasKey === false || (load.kind === 'failed' && load.code.startsWith('AUTH'))
  const time = (at: number) => new Date(at).toLocaleTimeString(i18n.language)
  return (
    <section className="view remote-view" aria-labelledby="view-title">
      <header className="view__header">
        <h1 id="view-title">{t('title')}</h1>
        <div className="toolbar" role="toolbar" aria-label={t('toolbar')}>
          <button
            type="button"
            className="button"
            disabled={needsKey}
            onClick={() => setDialog({ kind: 'newFolder' })}
          >
            {t('actions.newFolder')}
          </button>
          <button
            type="button"
            className="button"
            disabled={needsKey}
            onClick={() => uploadRef.current?.click()}
          >
            {t('actions.upload')}
          </button>
          <button
            type="button"
            className="button"
            disabled={needsKey}
            onClick={() => setDialog({ kind: 'remoteUpload' })}
          >
            {t('actions.remoteUpload')}
          </button>
          {transportKind() === 'web' ? (
            <button
              type="button"
              className="button"
              disabled={needsKey}
              onClick={() => setDialog({ kind: 'serverFiles' })}
            >
              {t('serverPicker.open', { ns: 'uploads' })}
            </button>
          ) : null}
          <input
            ref={uploadRef}
            type="file"
            multiple
            hidden
            tabIndex={-1}
            onChange={(event) => {
              upload(Array.from(event.target.files ?? []))
              event.target.value = ''
            }}
          />
          <button type="button" className="button" disabled={load.kind === 'loading'} onClick={refresh}>
            {t('refresh', { ns: 'common' })}
          </button>
        </div>
      </header>
      <nav className="breadcrumbs" aria-label={t('path')}>
        <ol>
          {crumbs.map((crumb, index) => (
            <li key={`${crumb.id}-${index}`}>
              {index === crumbs.length - 1 ? (
                <span aria-current="location">{crumb.name}</span>
              ) : (
                <button
                  type="button"
                  className="link"
                  onClick={() => openPath(path.slice(0, index + 1))}
                  onDragOver={(event) => {
                    if (!RowDrag.carriesRows(event)) return
                    event.preventDefault()
                    event.dataTransfer.dropEffect = 'move'
                  }}
                  onDrop={(event) => {
                    if (!RowDrag.carriesRows(event)) return
                    event.preventDefault()
                    dropRows(crumb, RowDrag.keys(event))
                  }}
                >
                  {crumb.name}
                </button>
              )}
            </li>
          ))}
        </ol>
      </nav>
      {needsKey ? (
        <div className="empty">
          <h2>{t('noKey.title')}</h2>
          <p>{t('noKey.body')}</p>
          <button type="button" className="button button--primary" onClick={() => onNavigate('account')}>
            {t('noKey.action')}
          </button>
          {load.kind === 'failed' ? <p className="field__hint">{load.message}</p> : null}
        </div>
      ) : (
        <div className="remote-layout">
          <FolderTree
            tree={tree}
            rootName={rootName}
            currentId={folder.id}
            onOpen={(next) => openPath(next)}
            acceptsDrop={RowDrag.carriesRows}
            onDropRows={(destinationPath, event) => {
              const destination = destinationPath[destinationPath.length - 1]
              if (destination) dropRows(destination, RowDrag.keys(event), destinationPath)
            }}
          />
          <div className="remote-main">
            <SelectionBar
              picked={picked}
              downloading={downloading}
              onDownload={() => void download(picked)}
              onCopyLinks={() => copyLinks(picked.files)}
              onRename={openRename}
              onMove={() => setDialog({ kind: 'move', picked })}
              onOptions={() => setDialog({ kind: 'options', picked })}
              onShare={(shared) => setDialog({ kind: 'share', folder: shared })}
              onDelete={() => setDialog({ kind: 'delete', picked })}
            />
            {notice ? (
              <RemoteNoticeBar notice={notice} onAction={onNavigate} onDismiss={() => setNotice(null)} />
            ) : null}
            {load.kind === 'loading' ? (
              <p className="empty">{t('listing.loading', { name: folder.name })}</p>
            ) : null}
            {load.kind === 'failed' ? (
              <div className="empty">
                <h2>{t('failed.title')}</h2>
                <p className="message message--error" role="alert">
                  {load.message}
                </p>
                <p>{t('failed.hint')}</p>
                <button type="button" className="button" onClick={refresh}>
                  {t('retry', { ns: 'common' })}
                </button>
              </div>
            ) : null}
            {load.kind === 'loaded' ? (
              load.listing.folders.length === 0 && load.listing.files.length === 0 ? (
                <div className="empty remote-empty">
                  <h2>{t('empty.title')}</h2>
                  <p>{t('empty.body')}</p>
                </div>
              ) : (
                <div className="table-wrap" onKeyDown={onTableKey}>
                  <RemoteTable
                    listing={load.listing}
                    name={folder.name}
                    selected={selected}
                    onSelect={setSelected}
                    onOpenFolder={(child) => openPath([...path, { id: child.id, name: child.name }])}
                    onCopyLink={(file) => copyLinks([file])}
                    onDropRows={(destination, keys) => dropRows(destination, keys)}
                  />
                </div>
              )
            ) : null}
            {load.kind === 'loaded' ? (
              <p className="field__hint" aria-live="polite">
                {load.refreshing
                  ? t('listing.refreshing')
                  : load.listing.cachedAt
                    ? t('listing.cached', { time: time(load.listedAt) })
                    : t('listing.listedAt', { time: time(load.listedAt) })}
              </p>
            ) : null}
          </div>
        </div>
      )}
      {dialog?.kind === 'serverFiles' ? (
        <ServerFilePicker
          folderName={folder.name}
          onCancel={() => setDialog(null)}
          onPick={async (paths) => {
            await uploadPaths(folder, paths)
            setDialog(null)
          }}
        />
      ) : null}
      {dialog?.kind === 'remoteUpload' ? (
        <RemoteUploadDialog
          folder={folder}
          onCancel={() => setDialog(null)}
          onAdded={(count) => {
            setDialog(null)
            setNotice({ tone: 'ok', text: t('notices.remoteUploadAdded', { count }) })
          }}
        />
      ) : null}
      {dialog?.kind === 'newFolder' ? (
        <NameDialog
          title={t('newFolder.title', { name: folder.name })}
          label={t('newFolder.label')}
          confirm={t('newFolder.confirm')}
          initialName=""
          onCancel={() => setDialog(null)}
          onSubmit={async (name) => {
            const made = await call('remote:createFolder', { parentId: folder.id, name })
            done(t('notices.created', { name: made.name }), { kind: 'created', id: made.id, name: made.name })
          }}
        />
      ) : null}
      {dialog?.kind === 'rename' ? (
        <NameDialog
          title={t('rename.title', {
            name: dialog.target.kind === 'file' ? dialog.target.file.name : dialog.target.folder.name,
          })}
          label={t('rename.label')}
          confirm={t('rename.confirm')}
          initialName={dialog.target.kind === 'file' ? dialog.target.file.name : dialog.target.folder.name}
          onCancel={() => setDialog(null)}
          onSubmit={async (name) => {
            const target =
              dialog.target.kind === 'file'
                ? { kind: 'file' as const, url: dialog.target.file.url }
                : { kind: 'folder' as const, id: dialog.target.folder.id }
            const answer = await call('remote:rename', { target, name })
            done(t('notices.renamed', { name: answer.name }), { kind: 'renamed', target, name: answer.name })
          }}
        />
      ) : null}
      {dialog?.kind === 'move' ? (
        <MoveDialog
          picked={dialog.picked}
          rootName={rootName}
          onCancel={() => setDialog(null)}
          onMove={(destination) => move(dialog.picked, destination)}
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <DeleteDialog
          picked={dialog.picked}
          onCancel={() => setDialog(null)}
          onConfirm={async () => {
            await call('remote:delete', { selection: RemoteRowSelection.toRemote(dialog.picked) })
            setSelected(new Set())
            done(t('notices.deleted', { count: dialog.picked.files.length + dialog.picked.folders.length }), {
              kind: 'removed',
              ...RemoteRowSelection.toRemote(dialog.picked),
            })
          }}
        />
      ) : null}
      {dialog?.kind === 'options' ? (
        <FileOptionsDialog
          files={dialog.picked.files}
          foldersLeft={dialog.picked.folders.length}
          onCancel={() => setDialog(null)}
          onConfirm={async (options) => {
            const files = dialog.picked.files.map((file) => file.url)
            const answer = await call('remote:setOptions', { files, options })
            const text = t('notices.optionsSet', { count: answer.updated })
            if (options.password === undefined) {
              setDialog(null)
              setNotice({ tone: 'ok', text })
              refresh()
            } else done(text, { kind: 'protected', files, protected: options.password !== '' })
          }}
        />
      ) : null}
      {dialog?.kind === 'share' ? (
        <ShareDialog folder={dialog.folder} onClose={() => setDialog(null)} />
      ) : null}
    </section>
  )
}
