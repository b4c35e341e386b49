import { constants } from 'node:fs'
import { access, mkdir, open, rm, stat } from 'node:fs/promises'
import { dirname, join, parse } from 'node:path'
import { AppError } from '../core/lib/app-error'

/** The cause of a file-system error in words, for a message that names the folder. */
function cause(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code
  switch (code) {
    case 'EROFS':
      return 'the file system is read-only'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'ENOSPC':
    case 'EDQUOT':
      return 'no space left on the disk'
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder'
    case 'ENAMETOOLONG':
      return 'the path is too long'
    case 'ELOOP':
      return 'the path has a loop of symbolic links'
    default:
      return `the system refused it (${code ?? String(error)})`
  }
}

function refuse(message: string, error?: unknown): AppError {
  return new AppError('LOCAL_FOLDER', message, error === undefined ? undefined : { cause: error })
}

/**
 * Makes sure `dir` is a folder this process can write into, creating it (and missing parents) one
 * level at a time, before any transfer starts; every refusal names the folder and says why. A
 * recursive `mkdir` is not used: on some file systems (`/proc`) it retries forever.
 */
export async function prepareOutDir(dir: string): Promise<void> {
  const missing: string[] = []
  let existing = dir
  for (;;) {
    const info = await stat(existing).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw refuse(`Cannot use the folder ${dir}: ${cause(error)} (at ${existing}).`, error)
    })
    if (info) {
      if (!info.isDirectory())
        throw refuse(
          existing === dir
            ? `Cannot use ${dir} as the folder for files: it is a file, not a folder.`
            : `Cannot create the folder ${dir}: ${existing} is a file, not a folder.`,
        )
      break
    }
    if (existing === parse(existing).root) break
    missing.unshift(existing)
    existing = dirname(existing)
  }
  for (const folder of missing) {
    try {
      await mkdir(folder)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && (await isFolder(folder))) continue
      const why =
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? `${dirname(folder)} does not take new folders`
          : cause(error)
      throw refuse(`Cannot create the folder ${dir}: ${why}.`, error)
    }
  }
  try {
    await access(dir, constants.W_OK | constants.X_OK)
  } catch (error) {
    throw refuse(`Cannot write into the folder ${dir}: ${cause(error)}.`, error)
  }
  // Some file systems allow access() but refuse any new file (a read-only mount seen as writable).
  const probe = join(dir, `.fichier-write-test-${process.pid}`)
  try {
    await (await open(probe, 'wx')).close()
  } catch (error) {
    throw refuse(`Cannot write into the folder ${dir}: ${cause(error)}.`, error)
  } finally {
    await rm(probe, { force: true })
  }
}

async function isFolder(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false
}
