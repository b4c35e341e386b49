import { readdir, stat, access, constants } from 'node:fs/promises'
import type { Stats } from 'node:fs'
import { basename, join, relative, sep } from 'node:path'
import { KnownLinks, parseLinks } from '../../../../shared/links'
import type { AddRequest, LinkEntry, RejectedLine } from '../../../../shared/model/intake'
import { anyUploadSource, type UploadSourcesPort } from './upload-sources-port'

/** 1fichier's per-file cap for customers. */
export const MAX_UPLOAD_BYTES = 300 * 1024 ** 3

export interface PublicFolderFile {
  link: string
  name: string
  size: number | null
  password?: string
}

export interface DownloadCandidate {
  link: string
  password?: string
  knownName?: string
  size?: number | null
  checksum?: string
  groupId?: string
}

export interface UploadCandidate {
  path: string
  name: string
  size: number
  relDir: string[]
  groupId?: string
}

type DownloadAdd = Extract<AddRequest, { kind: 'download' }>

/**
 * Turns a paste (or a list) into download candidates: file links as they are, folder links expanded
 * into their files as one group. Duplicates against `known` and within the request are reported.
 */
export async function downloadCandidates(
  request: DownloadAdd,
  known: ReadonlySet<string>,
  listFolder: (url: string, password: string | undefined) => Promise<PublicFolderFile[]>,
  newGroupId: () => string,
): Promise<{ candidates: DownloadCandidate[]; duplicates: string[]; rejected: RejectedLine[] }> {
  const candidates: DownloadCandidate[] = []
  const duplicates: string[] = []
  const rejected: RejectedLine[] = []
  // Parsed once for the whole request, and grown with what it takes: each entry's parse (and each
  // file of an expanded folder) is checked against the queue and the entries before it.
  const seen = new KnownLinks(known)
  /** False (and counted as a duplicate) when the link is already queued or taken. */
  const claim = (url: string): boolean => {
    if (seen.has(url)) {
      duplicates.push(url)
      return false
    }
    seen.add(url)
    return true
  }
  const take = (candidate: DownloadCandidate) => {
    if (claim(candidate.link)) candidates.push(candidate)
  }

  // Each listed entry is parsed on its own so that what it says of its file stays with it.
  const inputs: Array<{ input: string | readonly LinkEntry[]; entry?: LinkEntry }> = []
  if (request.text) inputs.push({ input: request.text })
  for (const entry of request.links ?? []) inputs.push({ input: [entry], entry })
  for (const { input, entry } of inputs) {
    const parsed = parseLinks(input, { known: seen })
    rejected.push(...parsed.rejected)
    duplicates.push(...parsed.duplicates)
    for (const file of parsed.files) {
      const password = file.password ?? request.password
      take({
        link: file.url,
        ...(password ? { password } : {}),
        ...(entry?.name ? { knownName: entry.name } : {}),
        ...(entry?.size !== undefined ? { size: entry.size } : {}),
        ...(entry?.checksum ? { checksum: entry.checksum.toLowerCase() } : {}),
      })
    }
    for (const folder of parsed.folders) {
      const password = folder.password ?? request.password
      if (!claim(folder.url)) continue
      try {
        const files = await listFolder(folder.url, password)
        if (files.length === 0) rejected.push({ line: folder.url, reason: 'This folder is empty.' })
        const groupId = newGroupId()
        for (const file of files) {
          const filePassword = file.password ?? password
          take({
            link: file.link,
            knownName: file.name,
            size: file.size,
            groupId,
            ...(filePassword ? { password: filePassword } : {}),
          })
        }
      } catch (error) {
        rejected.push({ line: folder.url, reason: error instanceof Error ? error.message : String(error) })
      }
    }
  }
  return { candidates, duplicates, rejected }
}

/**
 * Expands dropped files and folders into upload candidates. A folder keeps its tree: each file
 * carries the folders to recreate remotely. Empty, oversized and unreadable files are refused here,
 * before any byte moves, and so is every path, given or found in a folder, that `sources` does not
 * admit.
 */
export async function uploadCandidates(
  paths: readonly string[],
  known: ReadonlySet<string>,
  newGroupId: () => string,
  sources: UploadSourcesPort = anyUploadSource,
): Promise<{ candidates: UploadCandidate[]; duplicates: string[]; rejected: RejectedLine[] }> {
  const candidates: UploadCandidate[] = []
  const duplicates: string[] = []
  const rejected: RejectedLine[] = []
  const seen = new Set(known)
  /** False once the refusal is recorded. */
  const admitted = async (path: string): Promise<boolean> => {
    try {
      await sources.admit(path)
      return true
    } catch (error) {
      rejected.push({ line: path, reason: error instanceof Error ? error.message : String(error) })
      return false
    }
  }

  const consider = async (path: string, relDir: string[], groupId?: string) => {
    if (!(await admitted(path))) return
    if (seen.has(path)) {
      duplicates.push(path)
      return
    }
    seen.add(path)
    try {
      const info = await stat(path)
      if (!info.isFile()) return void rejected.push({ line: path, reason: notAFile(info) })
      if (info.size === 0)
        return void rejected.push({ line: path, reason: '1fichier does not accept empty files.' })
      if (info.size > MAX_UPLOAD_BYTES) {
        return void rejected.push({
          line: path,
          reason: 'Files over 300 GB cannot be uploaded to 1fichier.',
        })
      }
      await access(path, constants.R_OK)
      candidates.push({
        path,
        name: basename(path),
        size: info.size,
        relDir,
        ...(groupId ? { groupId } : {}),
      })
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const reason =
        code === 'ENOENT'
          ? 'This file does not exist (or is a link to nothing).'
          : code === 'EACCES' || code === 'EPERM'
            ? 'This file cannot be read (permission denied).'
            : `This file cannot be read (${code ?? 'unknown error'}).`
      rejected.push({ line: path, reason })
    }
  }

  for (const path of paths) {
    if (!(await admitted(path))) continue
    let info
    try {
      info = await stat(path)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      rejected.push({
        line: path,
        reason: code === 'ENOENT' ? 'This file does not exist.' : `This path cannot be read (${code}).`,
      })
      continue
    }
    if (!info.isDirectory()) {
      await consider(path, [])
      continue
    }
    const groupId = newGroupId()
    const root = basename(path)
    const tree = await walkFolder(path)
    rejected.push(...tree.rejected)
    if (tree.files.length === 0 && tree.rejected.length === 0)
      rejected.push({ line: path, reason: 'This folder has no files.' })
    for (const file of tree.files) {
      const sub = relative(path, file).split(sep).slice(0, -1)
      await consider(file, [root, ...sub], groupId)
    }
  }
  return { candidates, duplicates, rejected }
}

/** Says in words why a path that is not a regular file is not uploaded. */
function notAFile(
  info: Pick<Stats, 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>,
): string {
  if (info.isDirectory()) return 'This is a folder.'
  if (info.isFIFO()) return 'This is a named pipe (FIFO), not a regular file: not uploaded.'
  if (info.isSocket()) return 'This is a socket, not a regular file: not uploaded.'
  if (info.isCharacterDevice() || info.isBlockDevice())
    return 'This is a device, not a regular file: not uploaded.'
  return 'This is not a regular file: not uploaded.'
}

/**
 * The files of a folder tree, sorted, and a rejection for each entry that is not uploaded: a
 * sub-folder that cannot be read (the rest of the tree still goes), a special file, a link to a
 * folder (not followed, so that a loop cannot make the tree endless) or to nothing. Links to files
 * are followed: the file they point to is uploaded under the link's name.
 */
async function walkFolder(root: string): Promise<{ files: string[]; rejected: RejectedLine[] }> {
  const files: string[] = []
  const rejected: RejectedLine[] = []
  const visit = async (folder: string): Promise<void> => {
    let entries
    try {
      entries = await readdir(folder, { withFileTypes: true })
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? 'unknown error')
      rejected.push({
        line: folder,
        reason: `This folder cannot be read (${why}): its files are not uploaded.`,
      })
      return
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) await visit(path)
      else if (entry.isFile()) files.push(path)
      else if (entry.isSymbolicLink()) {
        const target = await stat(path).catch(() => null)
        if (target === null)
          rejected.push({ line: path, reason: 'This link points to nothing: not uploaded.' })
        else if (target.isDirectory())
          rejected.push({ line: path, reason: 'This is a link to a folder: not followed, not uploaded.' })
        else if (target.isFile()) files.push(path)
        else rejected.push({ line: path, reason: notAFile(target) })
      } else rejected.push({ line: path, reason: notAFile(entry) })
    }
  }
  await visit(root)
  return { files: files.sort(), rejected }
}
