import type { AddRequestInput, LinkEntry } from '../../../shared/model/intake'
import type { RemoteFile } from '../../../shared/model/remote'
import { relativeFolder } from './relative-folder'
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
 * The `transfers:add` requests for a download of remote files and whole folders. Files go to the
 * download folder; each walked folder to `<folder>/<sub-folders…>` inside it (a relative target the
 * app resolves there), so the remote structure is kept without asking where to put it.
 */
export function downloadRequests(input: {
  files: readonly RemoteFile[]
  folders: readonly WalkedFolder[]
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
  add(input.files, null)
  for (const folder of input.folders) {
    if (folder.files.length > 0) add(folder.files, relativeFolder(folder.path))
  }
  return requests
}
