import { realpath } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { AppError } from '../../lib/app-error'

/** True when `target` is `root` or inside it (both absolute, already resolved). */
export function isInside(target: string, root: string): boolean {
  const inside = relative(root, target)
  return inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))
}

/** A folder name that would be hidden (leading dot) gets a visible form: `.config` → `_.config`. */
function visibleSegment(segment: string): string {
  return segment.startsWith('.') ? `_${segment}` : segment
}

/**
 * Where a download request's files go: the download folder when the request names none, an
 * absolute folder as given, and a relative one (such as `Photos/Summer` for a remote folder's
 * tree) inside the download folder — never outside it, and with no hidden folder on the way.
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
  return inside === '' ? base : join(base, ...inside.split(sep).map(visibleSegment))
}

/** The real path of `path` (symbolic links followed), for the part of it that exists. */
async function realPathOf(path: string): Promise<string> {
  const missing: string[] = []
  let current = path
  for (;;) {
    try {
      return join(await realpath(current), ...missing.reverse())
    } catch {
      const parent = dirname(current)
      if (parent === current) return path
      missing.push(current.slice(parent.length).replace(/^[\\/]+/, ''))
      current = parent
    }
  }
}

/**
 * The folder a request from the window may download into: the download folder, a folder inside it,
 * or a folder the user picked in the native dialog (`granted`, with its sub-folders). Anything else
 * — another absolute path, or a way out through a symbolic link — is refused with INVALID_TARGET_DIR.
 */
export async function grantedTargetDir(
  targetDir: string | undefined,
  downloadDir: string,
  granted: readonly string[],
): Promise<string> {
  const target = downloadTargetDir(targetDir, downloadDir)
  const roots = [resolve(downloadDir), ...granted.map((folder) => resolve(folder))]
  const root = roots.find((candidate) => isInside(target, candidate))
  if (root === undefined) {
    throw new AppError(
      'INVALID_TARGET_DIR',
      `Fichier Desk saves only into the download folder, a folder inside it, or a folder chosen with ` +
        `"Choose…"; "${targetDir ?? ''}" is none of these. Choose it in the folder dialog to use it.`,
    )
  }
  if (!isInside(await realPathOf(target), await realPathOf(root))) {
    throw new AppError(
      'INVALID_TARGET_DIR',
      `The folder "${targetDir ?? ''}" leads out of ${root} through a symbolic link; choose the real folder instead.`,
    )
  }
  return target
}
