import { parisTime } from './paris-time'
import type { FileRecord } from './records'
import type { EmulatorRuntime } from './runtime'

/** A file as `file/ls.cgi` and `folder/ls.cgi` list it. */
export async function listingItem(rt: EmulatorRuntime, file: FileRecord): Promise<Record<string, unknown>> {
  return {
    url: rt.fileLink(file),
    filename: file.name,
    size: file.size,
    date: parisTime(file.createdAt),
    checksum: await rt.store.checksumOf(file),
    'content-type': file.contentType,
    pass: file.pass === undefined ? 0 : 1,
    acl: file.acl ? 1 : 0,
    cdn: file.cdn,
  }
}

/** A file as `file/info.cgi` describes it. */
export async function infoView(rt: EmulatorRuntime, file: FileRecord): Promise<Record<string, unknown>> {
  const owner = file.owner ?? ''
  return {
    status: 'OK',
    url: rt.fileLink(file),
    filename: file.name,
    size: file.size,
    date: parisTime(file.createdAt),
    folder_id: file.folderId,
    path: file.owner ? rt.store.folderPath(owner, file.folderId) : '',
    checksum: await rt.store.checksumOf(file),
    [rt.switches.fileInfoMimeKey]: file.contentType,
    description: file.description,
    pass: file.pass === undefined ? 0 : 1,
    no_ssl: file.noSsl,
    inline: file.inline,
    cdn: file.cdn,
    acl: file.acl ?? { ip: [], country: [], email: [], premium: 0 },
  }
}
