import { realpath } from 'node:fs/promises'
import { isAbsolute, normalize } from 'node:path'
import { AppError } from '../../core/lib/app-error'
import { isInside } from '../../core/transfers/intake/download-target-dir'
import type { ServedFolder } from './served-folder'

const OUTSIDE = 'SERVER_PATH_OUTSIDE'

/**
 * The real path of `path` when it lies inside one of `folders`, links followed; otherwise an AppError:
 * SERVER_PATH_INVALID (not absolute, `..` in it, a NUL), SERVER_PATH_OUTSIDE (not under a served folder, or a
 * symbolic link on the way that leads out), SERVER_PATH_NOT_FOUND.
 */
export async function resolveServedPath(path: string, folders: readonly ServedFolder[]): Promise<string> {
  if (path.includes('\0')) throw new AppError('SERVER_PATH_INVALID', 'A path cannot contain a NUL character.')
  if (!isAbsolute(path))
    throw new AppError(
      'SERVER_PATH_INVALID',
      `"${path}" is not a full path; choose it in the server's folders.`,
    )
  if (path.split(/[\\/]/).includes('..'))
    throw new AppError('SERVER_PATH_INVALID', `"${path}" contains "..", which is not accepted.`)
  const given = normalize(path)
  if (!folders.some((folder) => isInside(given, folder.shown) || isInside(given, folder.real)))
    throw new AppError(OUTSIDE, `"${path}" is not inside the folders this server shares (--root).`)
  let real: string
  try {
    real = await realpath(given)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT')
      throw new AppError('SERVER_PATH_NOT_FOUND', `"${path}" does not exist (or is a link to nothing).`, {
        cause: error,
      })
    throw new AppError('SERVER_PATH_NOT_FOUND', `"${path}" cannot be reached (${code ?? 'unknown error'}).`, {
      cause: error,
    })
  }
  if (!folders.some((folder) => isInside(real, folder.real)))
    throw new AppError(
      OUTSIDE,
      `"${path}" leads outside the folders this server shares, through a symbolic link.`,
    )
  return real
}
