import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import { pathForFile, transportKind } from '../../lib/ipc'
import { stageFiles } from './stage-files'
import type { StagingProgress } from './staging-request'

/** The files being sent from the browser to the server (one drop or pick at a time), with a way to stop. */
export interface Sending extends StagingProgress {
  cancel(): void
}

const store = createStore<Sending | null>()(() => null)

export function useSending(): Sending | null {
  return useStore(store)
}

/** Files the page can name to the app by path: on the desktop, at once (during the drop event, for a drop). */
export function canNameByPath(): boolean {
  return transportKind() === 'electron'
}

/** The desktop's local paths of dropped or picked files; only there (see `canNameByPath`). */
export function desktopPaths(files: readonly File[]): string[] {
  return files.map((file) => pathForFile(file))
}

/**
 * Paths the app can upload `files` from: on the desktop their own paths; in a browser served by
 * `fichier serve`, the paths on the server they are streamed to first (with a progress line).
 */
export async function localFilePaths(files: readonly File[]): Promise<string[]> {
  if (canNameByPath()) return desktopPaths(files)
  const controller = new AbortController()
  const cancel = () => controller.abort()
  try {
    return await stageFiles(
      files,
      (progress) => store.setState({ ...progress, cancel }, true),
      controller.signal,
    )
  } finally {
    store.setState(null, true)
  }
}
