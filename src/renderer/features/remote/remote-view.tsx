import { useCallback, useEffect, useState } from 'react'
import type { RemoteListing } from '../../../shared/model/remote'
import type { Section } from '../../app/section'
import { formatBytes } from '../../lib/format-bytes'
import { call } from '../../lib/ipc'
import { IpcCallError } from '../../lib/ipc-call-error'
import { useStatus, useStores } from '../../stores/stores-context'

interface Crumb {
  id: number
  name: string
}

type Load =
  | { kind: 'loading' }
  | { kind: 'loaded'; listing: RemoteListing }
  | { kind: 'failed'; code: string; message: string }

const ROOT: Crumb = { id: 0, name: 'My files' }

/** The files on 1fichier: one folder at a time, with breadcrumbs back to the root. */
export function RemoteView({ onNavigate }: { onNavigate(section: Section): void }) {
  const hasKey = useStatus((state) => state.account?.hasKey)
  const { status } = useStores()
  const [path, setPath] = useState<Crumb[]>(() => {
    const open = status.getState().remoteFolder
    return open.id === ROOT.id ? [ROOT] : [ROOT, open]
  })
  const [load, setLoad] = useState<Load>({ kind: 'loading' })
  const folder = path[path.length - 1] ?? ROOT

  /** Callers show the loading state first (in the event that asked), so the effect only fetches. */
  const fetchListing = useCallback(
    (folderId: number, refresh: boolean, live: () => boolean) =>
      call('remote:list', { folderId, refresh }).then(
        (listing) => live() && setLoad({ kind: 'loaded', listing }),
        (error: unknown) =>
          live() &&
          setLoad({
            kind: 'failed',
            code: error instanceof IpcCallError ? error.code : 'INTERNAL',
            message: error instanceof Error ? error.message : String(error),
          }),
      ),
    [],
  )

  useEffect(() => {
    let live = true
    void fetchListing(folder.id, false, () => live)
    return () => {
      live = false
    }
  }, [folder.id, fetchListing])

  const openPath = (next: Crumb[]) => {
    setLoad({ kind: 'loading' })
    setPath(next)
    const open = next[next.length - 1] ?? ROOT
    status.setState({ remoteFolder: { id: open.id, name: open.name } })
  }
  const refresh = () => {
    setLoad({ kind: 'loading' })
    void fetchListing(folder.id, true, () => true)
  }

  const needsKey = hasKey === false || (load.kind === 'failed' && load.code.startsWith('AUTH'))
  return (
    <section className="view" aria-labelledby="view-title">
      <header className="view__header">
        <h1 id="view-title">Remote files</h1>
        <div className="toolbar" role="toolbar" aria-label="Remote actions">
          <button type="button" className="button" disabled={load.kind === 'loading'} onClick={refresh}>
            Refresh
          </button>
        </div>
      </header>
      <nav className="breadcrumbs" aria-label="Folder path">
        <ol>
          {path.map((crumb, index) => (
            <li key={`${crumb.id}-${index}`}>
              {index === path.length - 1 ? (
                <span aria-current="location">{crumb.name}</span>
              ) : (
                <button type="button" className="link" onClick={() => openPath(path.slice(0, index + 1))}>
                  {crumb.name}
                </button>
              )}
            </li>
          ))}
        </ol>
      </nav>
      {load.kind === 'loading' ? <p className="empty">Loading {folder.name}…</p> : null}
      {load.kind === 'failed' ? (
        <div className="empty">
          {needsKey ? (
            <>
              <h2>No API key yet</h2>
              <p>Your 1fichier files appear here once Fichier Desk has your API key.</p>
              <button type="button" className="button button--primary" onClick={() => onNavigate('account')}>
                Add your API key
              </button>
            </>
          ) : (
            <h2>Could not list this folder</h2>
          )}
          {needsKey ? (
            <p className="field__hint">{load.message}</p>
          ) : (
            <p className="message message--error" role="alert">
              {load.message}
            </p>
          )}
        </div>
      ) : null}
      {load.kind === 'loaded' ? (
        load.listing.folders.length === 0 && load.listing.files.length === 0 ? (
          <div className="empty">
            <h2>This folder is empty</h2>
            <p>Upload files to it from the Transfers view, or add files on 1fichier.com.</p>
          </div>
        ) : (
          <div className="table-wrap">
            {load.listing.cachedAt ? (
              <p className="field__hint">
                Listed at {new Date(load.listing.cachedAt).toLocaleTimeString()} (1fichier allows one listing
                per folder every 30 s).
              </p>
            ) : null}
            <table className="table" aria-label={`Contents of ${folder.name}`}>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Size</th>
                  <th scope="col">Date</th>
                  <th scope="col">Protected</th>
                </tr>
              </thead>
              <tbody>
                {load.listing.folders.map((child) => (
                  <tr key={`d${child.id}`}>
                    <td>
                      <button
                        type="button"
                        className="link"
                        onClick={() => openPath([...path, { id: child.id, name: child.name }])}
                      >
                        <svg
                          className="icon icon--folder"
                          viewBox="0 0 24 24"
                          width="16"
                          height="16"
                          aria-hidden="true"
                          focusable="false"
                        >
                          <path
                            d="M10 4H4a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2h-8l-2-2z"
                            fill="currentColor"
                          />
                        </svg>
                        {child.name}
                      </button>
                    </td>
                    <td>—</td>
                    <td>{child.createdAt ?? '—'}</td>
                    <td>{child.protected ? 'Yes' : 'No'}</td>
                  </tr>
                ))}
                {load.listing.files.map((file) => (
                  <tr key={file.url}>
                    <td title={file.url}>{file.name}</td>
                    <td>{formatBytes(file.size)}</td>
                    <td>{file.date}</td>
                    <td>{file.protected ? 'Yes' : 'No'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </section>
  )
}
