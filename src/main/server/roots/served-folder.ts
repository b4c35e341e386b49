import { realpath, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { AppError } from '../../core/lib/app-error'

/** A `--root` folder: the path as given (made absolute) and where it really is (links followed). */
export interface ServedFolder {
  shown: string
  real: string
}

/** Checks a `--root` folder at start: it must exist and be a folder. */
export async function openServedFolder(dir: string): Promise<ServedFolder> {
  const shown = resolve(dir)
  let real: string
  try {
    real = await realpath(shown)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new AppError(
      'ROOT_INVALID',
      code === 'ENOENT'
        ? `--root ${dir}: no such folder.`
        : `--root ${dir}: cannot be read (${code ?? 'unknown error'}).`,
      { cause: error },
    )
  }
  if (!(await stat(real)).isDirectory()) throw new AppError('ROOT_INVALID', `--root ${dir}: not a folder.`)
  return { shown, real }
}
