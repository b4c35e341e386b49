import { useEffect, useRef, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { RemoteFile, RemoteFolder, RemoteListing } from '../../../shared/model/remote'
import { formatBytes } from '../../../shared/format/format-bytes'
import { FolderIcon } from './folder-icon'
import { formatRemoteDate } from './format-remote-date'
import { fileKey, folderKey, RemoteRowSelection, type RowKey } from './remote-row-selection'
import { RowDrag } from './row-drag'

interface RemoteTableProps {
  listing: RemoteListing
  /** The folder's name as shown (the root has a translated one). */
  name: string
  selected: ReadonlySet<RowKey>
  onSelect(next: Set<RowKey>): void
  onOpenFolder(folder: RemoteFolder): void
  onCopyLink(file: RemoteFile): void
  /** Rows dropped onto a folder row. */
  onDropRows(destination: RemoteFolder, keys: RowKey[]): void
}

/** The folders and files of one remote folder, with a checkbox per row; rows can be dragged onto folders. */
export function RemoteTable({
  listing,
  name,
  selected,
  onSelect,
  onOpenFolder,
  onCopyLink,
  onDropRows,
}: RemoteTableProps) {
  const { t, i18n } = useTranslation('remote')
  const allRef = useRef<HTMLInputElement>(null)
  const state = RemoteRowSelection.state(selected, listing)
  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = state === 'some'
  }, [state])

  const dragStart = (event: DragEvent, key: RowKey) =>
    RowDrag.start(event, selected.has(key) ? [...selected] : [key])
  const dropTarget = (folder: RemoteFolder) => ({
    onDragOver(event: DragEvent) {
      if (!RowDrag.carriesRows(event)) return
      event.preventDefault()
      event.dataTransfer.dropEffect = 'move'
    },
    onDrop(event: DragEvent) {
      if (!RowDrag.carriesRows(event)) return
      event.preventDefault()
      const keys = RowDrag.keys(event).filter((key) => key !== folderKey(folder.id))
      if (keys.length > 0) onDropRows(folder, keys)
    },
  })
  const check = (key: RowKey, label: string) => (
    <input
      type="checkbox"
      className="remote-table__check"
      checked={selected.has(key)}
      aria-label={t('select.row', { name: label })}
      onChange={() => onSelect(RemoteRowSelection.toggle(selected, key))}
    />
  )

  return (
    <table className="table remote-table" aria-label={t('table', { name })}>
      <thead>
        <tr>
          <th scope="col">
            <input
              ref={allRef}
              type="checkbox"
              className="remote-table__check"
              checked={state === 'all'}
              aria-label={t('select.all')}
              onChange={() => onSelect(RemoteRowSelection.toggleAll(selected, listing))}
            />
            {t('columns.name')}
          </th>
          <th scope="col" className="remote-table__num">
            {t('columns.size')}
          </th>
          <th scope="col">{t('columns.date')}</th>
          <th scope="col">{t('columns.protected')}</th>
          <th scope="col">{t('columns.link')}</th>
        </tr>
      </thead>
      <tbody>
        {listing.folders.map((folder) => {
          const key = folderKey(folder.id)
          return (
            <tr
              key={key}
              className="remote-table__row"
              data-selected={selected.has(key) || undefined}
              draggable
              onDragStart={(event) => dragStart(event, key)}
              {...dropTarget(folder)}
            >
              <td>
                {check(key, folder.name)}
                <button
                  type="button"
                  className="link remote-table__folder"
                  onClick={() => onOpenFolder(folder)}
                >
                  <FolderIcon />
                  {folder.name}
                </button>
              </td>
              <td className="remote-table__num">—</td>
              <td>{formatRemoteDate(folder.createdAt, i18n.language)}</td>
              <td>{folder.protected ? t('yes') : t('no')}</td>
              <td />
            </tr>
          )
        })}
        {listing.files.map((file) => {
          const key = fileKey(file.url)
          return (
            <tr
              key={key}
              className="remote-table__row"
              data-selected={selected.has(key) || undefined}
              draggable
              onDragStart={(event) => dragStart(event, key)}
            >
              <td title={file.url}>
                {check(key, file.name)}
                {file.name}
              </td>
              <td className="remote-table__num">{formatBytes(file.size, i18n.language)}</td>
              <td>{formatRemoteDate(file.date, i18n.language)}</td>
              <td>{file.protected ? t('yes') : t('no')}</td>
              <td>
                <button type="button" className="button button--small" onClick={() => onCopyLink(file)}>
                  {t('actions.copyLink')}
                </button>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
