import { useCallback, useRef, useState } from 'react'
import type { RemoteFolder, RemoteListing } from '../../../shared/model/remote'
import { describeError } from '../../lib/describe-error'
import { call } from '../../lib/ipc'
import { rememberListing } from './known-folder-names'

/** What the tree knows of one folder's sub-folders. */
export interface FolderTreeNode {
  folders?: RemoteFolder[]
  loading?: boolean
  error?: string
  /** Changed since listed (something was moved into it): the next load asks 1fichier again. */
  stale?: boolean
}

export interface FolderTree {
  nodes: ReadonlyMap<number, FolderTreeNode>
  expanded: ReadonlySet<number>
  /** Opens or closes a node, listing its sub-folders the first time it opens. */
  toggle(id: number): void
  /** Lists a folder's sub-folders unless known, being listed, or failed (`retry` tries a failed one again). */
  ensure(id: number, retry?: boolean): void
  /** Opens every folder of a path (the one shown in the table and its parents). */
  expandPath(ids: readonly number[]): void
  /** Takes the sub-folders from a listing the view already has, sparing a call. */
  learn(listing: RemoteListing): void
  /** Something changed in this folder: list it again when it is shown. */
  markStale(id: number): void
}

/** The lazily loaded folder tree beside the file table: each folder is listed when first opened. */
export function useFolderTree(): FolderTree {
  // The truth lives in a map changed only by callbacks; the state is its snapshot for rendering.
  const known = useRef(new Map<number, FolderTreeNode>())
  const [nodes, setNodes] = useState<ReadonlyMap<number, FolderTreeNode>>(() => new Map())
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set([0]))

  const put = useCallback((id: number, node: FolderTreeNode) => {
    known.current.set(id, node)
    setNodes(new Map(known.current))
  }, [])

  const ensure = useCallback(
    (id: number, retry = false) => {
      const node = known.current.get(id)
      if (node?.loading || (node?.folders && !node.stale) || (node?.error && !retry)) return
      put(id, { ...node, loading: true })
      call('remote:list', { folderId: id, refresh: node?.stale === true }).then(
        (listing) => {
          rememberListing(listing)
          put(id, { folders: listing.folders })
        },
        (caught: unknown) => put(id, { error: describeError(caught) }),
      )
    },
    [put],
  )

  const toggle = useCallback(
    (id: number) => {
      setExpanded((current) => {
        const next = new Set(current)
        if (next.has(id)) next.delete(id)
        else next.add(id)
        return next
      })
      ensure(id, true)
    },
    [ensure],
  )

  const expandPath = useCallback((ids: readonly number[]) => {
    setExpanded((current) => (ids.every((id) => current.has(id)) ? current : new Set([...current, ...ids])))
  }, [])

  const learn = useCallback(
    (listing: RemoteListing) => put(listing.folderId, { folders: listing.folders }),
    [put],
  )

  const markStale = useCallback(
    (id: number) => {
      const node = known.current.get(id)
      if (node?.folders) put(id, { ...node, stale: true })
    },
    [put],
  )

  return { nodes, expanded, toggle, ensure, expandPath, learn, markStale }
}
