import type { AddRequestInput, LinkEntry } from '../../../shared/model/intake'
import type { RemoteFile } from '../../../shared/model/remote'
import { localPath } from './local-path'
import type { WalkedFolder } from './walk-remote-folder'

type DownloadInput = Extract<AddRequestInput, { kind: 'download' }>

/** Links per request, well under the contract's cap. */
const CHUNK = 5000
const CHECKSUM = /^[0-9a-f]{128}$/i

/** What the listing says of a file, so the download needs no API call to learn it and is checked against it. */
export function linkEntry(file: RemoteFile): LinkEntry {
  return {
    url: file.url,
    name: file.name,
    ...(Number.isSafeInteger(file.size) ? { size: file.size } : {}),
    ...(file.checksum && CHECKSUM.test(file.checksum) ? { checksum: file.checksum.toLowerCase() } : {}),
  }
}

/**
 * The `transfers:add` requests for a download of remote files and whole folders. Files go to `base`
 * (the download folder when null); each walked folder goes to `base/<folder>/<sub-folders…>`, so the
 * remote structure is kept. Folders need a known `base`: the renderer cannot name the default one.
 */
export function downloadRequests(input: {
  files: readonly RemoteFile[]
  folders: readonly WalkedFolder[]
  base: string | null
  platform: string
}): DownloadInput[] {
  const requests: DownloadInput[] = []
  const add = (files: readonly RemoteFile[], targetDir: string | null) => {
    for (let start = 0; start < files.length; start += CHUNK) {
      requests.push({
        kind: 'download',
        links: files.slice(start, start + CHUNK).map(linkEntry),
        ...(targetDir ? { targetDir } : {}),
        start: true,
      })
    }
  }
  add(input.files, input.base)
  for (const folder of input.folders) {
    if (folder.files.length === 0) continue
    if (input.base === null)
      throw new Error('A folder download needs a local folder to keep its structure in.')
    add(folder.files, localPath(input.base, folder.path, input.platform))
  }
  return requests
}
