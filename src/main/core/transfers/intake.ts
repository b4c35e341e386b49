import { readdir, stat, access, constants } from 'node:fs/promises'
import { basename, join, relative, sep } from 'node:path'
import { KnownLinks, parseLinks } from '../../../shared/links'
import type { AddRequest, LinkEntry, RejectedLine } from '../../../shared/model/intake'

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
 * before any byte moves.
 */
export async function uploadCandidates(
  paths: readonly string[],
  known: ReadonlySet<string>,
  newGroupId: () => string,
): Promise<{ candidates: UploadCandidate[]; duplicates: string[]; rejected: RejectedLine[] }> {
  const candidates: UploadCandidate[] = []
  const duplicates: string[] = []
  const rejected: RejectedLine[] = []
  const seen = new Set(known)

  const consider = async (path: string, relDir: string[], groupId?: string) => {
    if (seen.has(path)) {
      duplicates.push(path)
      return
    }
    seen.add(path)
    try {
      const info = await stat(path)
      if (!info.isFile()) return
      if (info.size === 0)
        return void rejected.push({ line: path, reason: '1fichier does not accept empty files.' })
      if (info.size > MAX_UPLOAD_BYTES) {
        return void rejected.push({ line: path, reason: 'Files over 300 GB cannot be uploaded to 1fichier.' })
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
          ? 'This file does not exist.'
          : code === 'EACCES' || code === 'EPERM'
            ? 'This file cannot be read (permission denied).'
            : `This file cannot be read (${code ?? 'unknown error'}).`
      rejected.push({ line: path, reason })
    }
  }

  for (const path of paths) {
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
    let entries
    try {
      entries = await readdir(path, { recursive: true, withFileTypes: true })
    } catch (error) {
      rejected.push({
        line: path,
        reason: `This folder cannot be read (${(error as NodeJS.ErrnoException).code}).`,
      })
      continue
    }
    const files = entries
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
    if (files.length === 0) rejected.push({ line: path, reason: 'This folder has no files.' })
    for (const file of files) {
      const sub = relative(path, file).split(sep).slice(0, -1)
      await consider(file, [root, ...sub], groupId)
    }
  }
  return { candidates, duplicates, rejected }
}
