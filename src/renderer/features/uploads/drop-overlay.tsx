import { useEffect, useRef, useState } from 'react'
import { describeError } from '../../lib/describe-error'
import { call, pathForFile } from '../../lib/ipc'
import { useStatus } from '../../stores/stores-context'
import { carriesFiles } from './carries-files'

type Outcome = { kind: 'ok' | 'error'; text: string } | null

/**
 * Files or folders dropped anywhere on the window are uploaded to the remote folder open in the
 * Remote files view (the root until one is opened). The preload resolves each dropped `File` to its
 * local path; the app expands folders and keeps their structure.
 */
export function DropOverlay() {
  const folder = useStatus((state) => state.remoteFolder)
  const [dragging, setDragging] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const depth = useRef(0)
  const folderRef = useRef(folder)
  useEffect(() => {
    folderRef.current = folder
  }, [folder])

  useEffect(() => {
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      depth.current++
      setDragging(true)
    }
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    }
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      depth.current = Math.max(0, depth.current - 1)
      if (depth.current === 0) setDragging(false)
    }
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      depth.current = 0
      setDragging(false)
      const files = Array.from(event.dataTransfer?.files ?? [])
      if (files.length === 0) return
      const target = folderRef.current
      void (async () => {
        try {
          const paths = files.map((file) => pathForFile(file))
          const result = await call('transfers:add', { kind: 'upload', paths, folderId: target.id })
          const skipped = result.duplicates.length + result.rejected.length
          setOutcome({
            kind: 'ok',
            text: `${result.addedIds.length} upload${result.addedIds.length === 1 ? '' : 's'} to ${target.name} added${
              skipped ? `, ${skipped} skipped` : ''
            }.`,
          })
        } catch (error) {
          setOutcome({ kind: 'error', text: `Could not start the upload: ${describeError(error)}` })
        }
      })()
    }
    window.addEventListener('dragenter', onEnter)
    window.addEventListener('dragover', onOver)
    window.addEventListener('dragleave', onLeave)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragenter', onEnter)
      window.removeEventListener('dragover', onOver)
      window.removeEventListener('dragleave', onLeave)
      window.removeEventListener('drop', onDrop)
    }
  }, [])

  return (
    <>
      {dragging ? (
        <div className="drop-overlay" role="region" aria-label="Drop to upload">
          <div className="drop-overlay__card">
            <strong>Drop to upload to {folder.name}</strong>
            <span>Files and folders, uploaded into this folder.</span>
          </div>
        </div>
      ) : null}
      {outcome ? (
        <div className={`toast toast--${outcome.kind}`} role={outcome.kind === 'error' ? 'alert' : 'status'}>
          <span>{outcome.text}</span>
          <button type="button" className="link" onClick={() => setOutcome(null)} aria-label="Dismiss">
            ✕
          </button>
        </div>
      ) : null}
    </>
  )
}
