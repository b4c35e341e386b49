import { readdir, realpath, stat } from 'node:fs/promises'
import type { Dirent } from 'node:fs'
import { basename, dirname, join, normalize } from 'node:path'
import type { ServerEntry, ServerFolderListing } from '../../../shared/model/server-files'
import { AppError } from '../../core/lib/app-error'
import { isInside } from '../../core/transfers/intake/download-target-dir'
import { resolveServedPath } from './resolve-served-path'
import type { ServedFolder } from './served-folder'

/** Entries a listing carries at most (a page asks for one folder at a time). */
export const MAX_LISTED_ENTRIES = 5000

const byKindThenName = (a: ServerEntry, b: ServerEntry) =>
  a.kind === 'folder' && b.kind !== 'folder'
    ? -1
    : b.kind === 'folder' && a.kind !== 'folder'
      ? 1
      : a.name.localeCompare(b.name)

/** What an entry is, links followed only while they stay inside the served folders. */
async function describeEntry(
  dir: string,
  shownDir: string,
  entry: Dirent,
  folders: readonly ServedFolder[],
): Promise<ServerEntry> {
  const path = join(shownDir, entry.name)
  const other: ServerEntry = { name: entry.name, path, kind: 'other', size: null, modifiedAt: null }
  let target = join(dir, entry.name)
  if (entry.isSymbolicLink()) {
    const real = await realpath(target).catch(() => null)
    if (real === null || !folders.some((folder) => isInside(real, folder.real))) return other
    target = real
  } else if (!entry.isDirectory() && !entry.isFile()) return other
  const info = await stat(target).catch(() => null)
  if (info?.isDirectory()) return { ...other, kind: 'folder', modifiedAt: info.mtimeMs }
  if (info?.isFile()) return { ...other, kind: 'file', size: info.size, modifiedAt: info.mtimeMs }
  return other
}

export async function listServedFolder(
  path: string | null,
  folders: readonly ServedFolder[],
): Promise<ServerFolderListing> {
  const roots = folders.map((folder) => folder.shown)
  if (path === null) {
    const entries = await Promise.all(
      folders.map(async (folder): Promise<ServerEntry> => {
        const info = await stat(folder.real).catch(() => null)
        return {
          name: basename(folder.shown) || folder.shown,
          path: folder.shown,
          kind: info?.isDirectory() ? 'folder' : 'other',
          size: null,
          modifiedAt: info?.mtimeMs ?? null,
        }
      }),
    )
    return { roots, path: null, parent: null, entries, truncated: false }
  }
  const real = await resolveServedPath(path, folders)
  const shown = normalize(path)
  let dirents: Dirent[]
  try {
    dirents = await readdir(real, { withFileTypes: true })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOTDIR') throw new AppError('SERVER_PATH_NOT_FOLDER', `"${path}" is a file, not a folder.`)
    throw new AppError('SERVER_PATH_NOT_FOUND', `"${path}" cannot be read (${code ?? 'unknown error'}).`, {
      cause: error,
    })
  }
  const kept = dirents.slice(0, MAX_LISTED_ENTRIES)
  const entries: ServerEntry[] = []
  for (let start = 0; start < kept.length; start += 64) {
    const batch = kept.slice(start, start + 64)
    entries.push(...(await Promise.all(batch.map((entry) => describeEntry(real, shown, entry, folders)))))
  }
  const isRoot = folders.some((folder) => shown === folder.shown || shown === folder.real)
  const above = dirname(shown)
  const parent =
    !isRoot && folders.some((folder) => isInside(above, folder.shown) || isInside(above, folder.real))
      ? above
      : null
  return {
    roots,
    path: shown,
    parent,
    entries: entries.sort(byKindThenName),
    truncated: dirents.length > kept.length,
  }
}
