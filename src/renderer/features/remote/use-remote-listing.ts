import { useCallback, useEffect, useRef, useState } from 'react'
import type { RemoteListing } from '../../../shared/model/remote'
import { call } from '../../lib/ipc'
import { IpcCallError } from '../../lib/ipc-call-error'
import { rememberListing } from './known-folder-names'
import { patchListing, type ListingChange } from './patch-listing'

export type RemoteLoad =
  | { kind: 'loading' }
  /** `refreshing`: a new listing was asked for; the last one stays on screen meanwhile. */
  | { kind: 'loaded'; listing: RemoteListing; listedAt: number; refreshing: boolean }
  | { kind: 'failed'; folderId: number; code: string; message: string }

/**
 * The listing of the folder open in the view. Only the answer to the latest request is kept, so a
 * slow listing of a folder left behind never replaces the one of the folder now open. A refresh that
 * fails keeps the last listing on screen and reports the failure through `onRefreshFailed`.
 */
export function useRemoteListing(
  folderId: number,
  onListed: (listing: RemoteListing) => void,
  onRefreshFailed: (message: string) => void,
): {
  load: RemoteLoad
  refresh(): void
  /** Shows a change at once and asks 1fichier for the folder again (its answer replaces the guess). */
  changed(change: ListingChange): void
} {
  const [load, setLoad] = useState<RemoteLoad>({ kind: 'loading' })
  const latest = useRef(0)
  const loadRef = useRef(load)
  const listedRef = useRef(onListed)
  const failedRef = useRef(onRefreshFailed)
  useEffect(() => {
    loadRef.current = load
    listedRef.current = onListed
    failedRef.current = onRefreshFailed
  }, [load, onListed, onRefreshFailed])

  const fetchListing = useCallback((id: number, refresh: boolean) => {
    const request = ++latest.current
    call('remote:list', { folderId: id, refresh }).then(
      (listing) => {
        rememberListing(listing)
        if (request !== latest.current) return
        setLoad({ kind: 'loaded', listing, listedAt: listing.cachedAt ?? Date.now(), refreshing: false })
        listedRef.current(listing)
      },
      (error: unknown) => {
        if (request !== latest.current) return
        const message = error instanceof Error ? error.message : String(error)
        const current = loadRef.current
        if (current.kind === 'loaded' && current.listing.folderId === id) {
          setLoad({ ...current, refreshing: false })
          failedRef.current(message)
          return
        }
        const code = error instanceof IpcCallError ? error.code : 'INTERNAL'
        setLoad({ kind: 'failed', folderId: id, code, message })
      },
    )
  }, [])

  useEffect(() => {
    fetchListing(folderId, false)
  }, [folderId, fetchListing])

  const refresh = useCallback(() => {
    const current = loadRef.current
    setLoad(
      current.kind === 'loaded' && current.listing.folderId === folderId
        ? { ...current, refreshing: true }
        : { kind: 'loading' },
    )
    fetchListing(folderId, true)
  }, [folderId, fetchListing])

  const changed = useCallback(
    (change: ListingChange) => {
      const current = loadRef.current
      if (current.kind === 'loaded' && current.listing.folderId === folderId) {
        const listing = patchListing(current.listing, change)
        const next = { ...current, listing, refreshing: true }
        loadRef.current = next
        setLoad(next)
        listedRef.current(listing)
      }
      refresh()
    },
    [folderId, refresh],
  )

  // What belongs to another folder than the one open is not shown: the open one is on its way.
  const stale =
    (load.kind === 'loaded' && load.listing.folderId !== folderId) ||
    (load.kind === 'failed' && load.folderId !== folderId)
  return { load: stale ? { kind: 'loading' } : load, refresh, changed }
}
