import { isAbsolute, resolve } from 'node:path'
import type { SettingsPatch } from '../../../../shared/model/settings'
import { AppError } from '../../lib/app-error'
import { isInside } from './download-target-dir'

/**
 * The folders the user picked in the native folder dialog: besides the download folder, the only
 * places a request from the window may download into. Kept by main for the session (nothing in the
 * window reuses a picked folder after a restart, and a grant that outlives its use is a needless one).
 */
export class FolderGrants {
  readonly #folders = new Set<string>()

  add(folder: string): void {
    this.#folders.add(resolve(folder))
  }

  list(): string[] {
    return [...this.#folders]
  }

  /** True when `folder` is a picked folder or inside one. */
  covers(folder: string): boolean {
    const target = resolve(folder)
    return this.list().some((granted) => isInside(target, granted))
  }
}

/**
 * A settings change from the window may set the download folder only to the system's (empty), to
 * where it is, to a folder inside the current one, or to a folder picked in the folder dialog.
 */
export function checkDownloadDirChange(
  patch: SettingsPatch,
  current: { setting: string; effective: string },
  grants: FolderGrants,
): void {
  const next = patch.downloadDir
  if (next === undefined || next === '' || next === current.setting) return
  if (!isAbsolute(next)) {
    throw new AppError('INVALID_SETTINGS', 'downloadDir: give the full path of a folder, or use "Choose…"')
  }
  const target = resolve(next)
  if (isInside(target, resolve(current.effective)) || grants.covers(target)) return
  throw new AppError(
    'INVALID_SETTINGS',
    'downloadDir: choose the new download folder with "Choose…" (a folder typed here is accepted only ' +
      'inside the current one)',
  )
}
