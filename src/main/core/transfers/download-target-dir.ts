import { isAbsolute, relative, resolve } from 'node:path'
import { AppError } from '../lib/app-error'

/**
 * Where a download request's files go: the download folder when the request names none, an
 * absolute folder as given, and a relative one (such as `Photos/Summer` for a remote folder's
 * tree) inside the download folder — never outside it.
 */
export function downloadTargetDir(targetDir: string | undefined, downloadDir: string): string {
  if (!targetDir) return downloadDir
  if (isAbsolute(targetDir)) return resolve(targetDir)
  const base = resolve(downloadDir)
  const target = resolve(base, targetDir)
  const inside = relative(base, target)
  if (inside.startsWith('..') || isAbsolute(inside)) {
    throw new AppError(
      'INVALID_TARGET_DIR',
      `The folder "${targetDir}" would leave the download folder; give a folder inside it or a full path.`,
    )
  }
  return target
}
