import { useEffect, useRef, useState } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { UploadOptions } from '../../../shared/model/intake'
import { showToast } from '../../app/toasts/toast-center'
import { describeError } from '../../lib/describe-error'
import { IpcCallError } from '../../lib/ipc-call-error'
import { call } from '../../lib/ipc'
import { useStatus } from '../../stores/stores-context'
import { rememberFolderNames } from '../remote/known-folder-names'
import { carriesFiles } from './carries-files'
import { canNameByPath, desktopPaths, localFilePaths } from './local-file-paths'
import { SendingLine } from './sending-line'
import type { UploadForm } from './upload-form'
import { uploadFormMemory } from './upload-form-memory'
import { UploadOptionsDialog } from './upload-options-dialog'
import './uploads.css'

/**
 * Dropped items waiting for the upload options, with the folder they go to: their paths on the desktop,
 * the files themselves in a browser (sent to the server once the options are chosen).
 */
interface PendingDrop {
  items: { paths: string[] } | { files: File[] }
  folder: { id: number; name: string }
  key: number
}

/**
 * "Could not start the upload: …" as an error toast. A drop the app could not resolve to files
 * (no code: it failed in the window) gets its own advice; the app's refusals get the advice of their code.
 */
function showFailedUpload(t: TFunction<'uploads'>, error: unknown): void {
  showToast({
    kind: 'error',
    message: t('failed', { message: describeError(error) }),
    ...(error instanceof IpcCallError ? { code: error.code } : { advice: t('failedAdvice') }),
  })
}

/**
 * Files or folders dropped anywhere on the window are uploaded to the remote folder open in the
 * Remote files view (the root until one is opened), after a small dialog of upload options. The
 * preload resolves each dropped `File` to its local path; the app expands folders and keeps their
 * structure.
 */
export function DropOverlay() {
  const { t } = useTranslation('uploads')
  const folder = useStatus((state) => state.remoteFolder)
  const [dragging, setDragging] = useState(false)
  const [pending, setPending] = useState<PendingDrop | null>(null)
  const depth = useRef(0)
  const folderRef = useRef(folder)
  useEffect(() => {
    folderRef.current = folder
  }, [folder])
  const tRef = useRef(t)
  useEffect(() => {
    tRef.current = t
  }, [t])

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
      let items: PendingDrop['items']
      if (canNameByPath()) {
        // Paths are resolved now: the `File`s of a drop are only good during the event.
        try {
          items = { paths: desktopPaths(files) }
        } catch (error) {
          showFailedUpload(tRef.current, error)
          return
        }
      } else {
        // A browser reads files, not folders: a dropped folder is said, its files are not guessed at.
        const entries = Array.from(event.dataTransfer?.items ?? []).map((item) => item.webkitGetAsEntry())
        const folders = new Set(entries.filter((entry) => entry?.isDirectory).map((entry) => entry?.name))
        const kept = files.filter((file) => !folders.has(file.name))
        if (folders.size > 0)
          showToast({
            kind: 'error',
            message: tRef.current('web.foldersSkipped', { names: [...folders].join(', ') }),
          })
        if (kept.length === 0) return
        items = { files: kept }
      }
      setPending((current) => ({ items, folder: folderRef.current, key: (current?.key ?? 0) + 1 }))
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

  const nameOf = (target: { id: number; name: string }) => (target.id === 0 ? t('root') : target.name)

  const upload = async (drop: PendingDrop, options: UploadOptions | undefined, form: UploadForm) => {
    uploadFormMemory.set(form)
    setPending(null)
    rememberFolderNames([drop.folder])
    try {
      const paths = 'paths' in drop.items ? drop.items.paths : await localFilePaths(drop.items.files)
      const result = await call('transfers:add', {
        kind: 'upload',
        paths,
        folderId: drop.folder.id,
        ...(options ? { options } : {}),
      })
      const skipped = result.duplicates.length + result.rejected.length
      const count = result.addedIds.length
      showToast({
        kind: 'ok',
        message: skipped
          ? t('addedSkipped', { count, folder: nameOf(drop.folder), skipped })
          : t('added', { count, folder: nameOf(drop.folder) }),
      })
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return
      showFailedUpload(t, error)
    }
  }

  return (
    <>
      {dragging ? (
        <div className="drop-overlay" role="region" aria-label={t('overlay.label')}>
          <div className="drop-overlay__card">
            <strong>{t('overlay.title', { folder: nameOf(folder) })}</strong>
            <span>{t('overlay.body')}</span>
          </div>
        </div>
      ) : null}
      {pending ? (
        <UploadOptionsDialog
          key={pending.key}
          count={'paths' in pending.items ? pending.items.paths.length : pending.items.files.length}
          folderName={nameOf(pending.folder)}
          initial={uploadFormMemory.get()}
          onUpload={(options, form) => void upload(pending, options, form)}
          onCancel={() => setPending(null)}
        />
      ) : null}
      <SendingLine />
    </>
  )
}
