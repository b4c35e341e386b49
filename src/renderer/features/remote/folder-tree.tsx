import { useEffect, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { FolderCrumb } from './folder-crumb'
import { FolderIcon } from './folder-icon'
import type { FolderTree as FolderTreeModel } from './use-folder-tree'

interface FolderTreeProps {
  tree: FolderTreeModel
  rootName: string
  currentId: number
  onOpen(path: FolderCrumb[]): void
  /** Rows of the table dragged onto a folder of the tree (given with its path from the root). */
  onDropRows(path: FolderCrumb[], event: DragEvent): void
  acceptsDrop(event: DragEvent): boolean
}

/** The remote folders as a tree beside the table: a folder's sub-folders are listed when it is opened. */
export function FolderTree({ tree, rootName, currentId, onOpen, onDropRows, acceptsDrop }: FolderTreeProps) {
  const { t } = useTranslation('remote')
  return (
    <nav className="remote-tree" aria-label={t('tree')}>
      <ul className="remote-tree__list">
        <Branch
          path={[{ id: 0, name: rootName }]}
          tree={tree}
          currentId={currentId}
          onOpen={onOpen}
          onDropRows={onDropRows}
          acceptsDrop={acceptsDrop}
        />
      </ul>
    </nav>
  )
}

function Branch({
  path,
  tree,
  currentId,
  onOpen,
  onDropRows,
  acceptsDrop,
}: Omit<FolderTreeProps, 'rootName'> & { path: FolderCrumb[] }) {
  const { t } = useTranslation('remote')
  const folder = path[path.length - 1] ?? { id: 0, name: '' }
  const node = tree.nodes.get(folder.id)
  const open = tree.expanded.has(folder.id)
  const { ensure } = tree
  const stale = node?.stale === true
  const known = node?.folders !== undefined
  // The folder open in the table is listed there, and its listing feeds the tree: no second call.
  const shown = folder.id === currentId
  useEffect(() => {
    if (open && !shown && (!known || stale)) ensure(folder.id)
  }, [open, shown, known, stale, ensure, folder.id])

  const leaf = node?.folders !== undefined && node.folders.length === 0
  return (
    <li>
      <div
        className="remote-tree__row"
        style={{ paddingLeft: `${(path.length - 1) * 14}px` }}
        onDragOver={(event) => {
          if (!acceptsDrop(event)) return
          event.preventDefault()
          event.dataTransfer.dropEffect = 'move'
        }}
        onDrop={(event) => {
          if (!acceptsDrop(event)) return
          event.preventDefault()
          onDropRows(path, event)
        }}
      >
        {leaf ? (
          <span className="remote-tree__toggle" aria-hidden="true" />
        ) : (
          <button
            type="button"
            className="remote-tree__toggle"
            aria-expanded={open}
            aria-label={t(open ? 'actions.collapse' : 'actions.expand', { name: folder.name })}
            onClick={() => tree.toggle(folder.id)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </button>
        )}
        <button
          type="button"
          className="remote-tree__folder"
          aria-current={folder.id === currentId ? 'location' : undefined}
          onClick={() => onOpen(path)}
        >
          <FolderIcon />
          <span>{folder.name}</span>
        </button>
      </div>
      {open ? (
        <ul className="remote-tree__list">
          {node?.loading && !node.folders ? (
            <li className="remote-tree__note" style={{ paddingLeft: `${path.length * 14 + 20}px` }}>
              {t('loading', { ns: 'common' })}
            </li>
          ) : null}
          {node?.error ? (
            <li
              className="remote-tree__note remote-tree__note--error"
              style={{ paddingLeft: `${path.length * 14 + 20}px` }}
              title={node.error}
            >
              {t('failed.title')}
            </li>
          ) : null}
          {node?.folders?.map((child) => (
            <Branch
              key={child.id}
              path={[...path, { id: child.id, name: child.name }]}
              tree={tree}
              currentId={currentId}
              onOpen={onOpen}
              onDropRows={onDropRows}
              acceptsDrop={acceptsDrop}
            />
          ))}
        </ul>
      ) : null}
    </li>
  )
}
