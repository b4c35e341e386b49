import { randomUUID } from 'node:crypto'
import type { AddRequest, AddResult } from '../../../../shared/model/intake'
import { downloadTargetDir } from './download-target-dir'
import { downloadCandidates, uploadCandidates, type PublicFolderFile } from './intake'
import type { TransferMeta, TransferRecord } from '../transfer-record'
import type { UploadSourcesPort } from './upload-sources-port'

export interface NewRecordsContext {
  now: number
  /** The next free queue position; called once per record. */
  nextOrder: () => number
  downloadDir: string
  /** Sources already in the queue (not canceled), by kind: found again, they are duplicates. */
  queued: (kind: TransferRecord['kind']) => Set<string>
  listPublicFolder: (url: string, password: string | undefined) => Promise<PublicFolderFile[]>
  /** Which local files may be uploaded, and the path to read for each. */
  uploadSources: UploadSourcesPort
}

export interface NewRecords extends Omit<AddResult, 'addedIds'> {
  records: TransferRecord[]
}

/** Turns an add request into new queue records, with what was a duplicate or not understood. */
export async function newRecords(request: AddRequest, context: NewRecordsContext): Promise<NewRecords> {
  const record = (
    kind: TransferRecord['kind'],
    source: string,
    target: string,
    name: string,
    meta: TransferMeta,
    extra: Partial<TransferRecord> = {},
  ): TransferRecord => ({
    id: randomUUID(),
    kind,
    source,
    target,
    name,
    status: 'queued',
    bytesDone: 0,
    bytesTotal: null,
    attempts: 0,
    createdAt: context.now,
    order: context.nextOrder(),
    meta,
    ...extra,
  })
  const held = 'start' in request && !request.start ? { status: 'paused' as const } : {}

  if (request.kind === 'download') {
    const dir = downloadTargetDir(request.targetDir, context.downloadDir)
    const found = await downloadCandidates(
      request,
      context.queued('download'),
      context.listPublicFolder,
      randomUUID,
    )
    const records = found.candidates.map((c) =>
      record(
        'download',
        c.link,
        dir,
        c.knownName ?? c.link,
        {
          kind: 'download',
          dir,
          ...(c.password ? { password: c.password } : {}),
          ...(c.knownName ? { knownName: c.knownName } : {}),
          ...(c.checksum ? { checksum: c.checksum } : {}),
          ...(request.verify ? { verify: true } : {}),
        },
        {
          link: c.link,
          ...(c.size != null ? { bytesTotal: c.size } : {}),
          ...(c.groupId ? { groupId: c.groupId } : {}),
          ...held,
        },
      ),
    )
    return { records, duplicates: found.duplicates, rejected: found.rejected }
  }

  if (request.kind === 'upload') {
    const found = await uploadCandidates(
      request.paths,
      context.queued('upload'),
      randomUUID,
      context.uploadSources,
    )
    const records = found.candidates.map((c) =>
      record(
        'upload',
        c.path,
        String(request.folderId),
        c.name,
        {
          kind: 'upload',
          path: c.path,
          folderId: request.folderId,
          relDir: c.relDir,
          size: c.size,
          ...(request.options ? { options: request.options } : {}),
        },
        { bytesTotal: c.size, ...(c.groupId ? { groupId: c.groupId } : {}), ...held },
      ),
    )
    return { records, duplicates: found.duplicates, rejected: found.rejected }
  }

  const known = context.queued('remote-upload')
  const records: TransferRecord[] = []
  const duplicates: string[] = []
  for (const url of request.urls) {
    if (known.has(url)) {
      duplicates.push(url)
      continue
    }
    known.add(url)
    const name = url.split('/').filter(Boolean).pop() ?? url
    records.push(
      record('remote-upload', url, String(request.folderId), name, {
        kind: 'remote-upload',
        url,
        folderId: request.folderId,
        ...(request.headers && Object.keys(request.headers).length > 0 ? { headers: request.headers } : {}),
      }),
    )
  }
  return { records, duplicates, rejected: [] }
}
