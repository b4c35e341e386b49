import { mkdir } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Clock } from '../lib/clock'
import type { ConnectionBudget } from './connection-budget'
import { backoff } from '../lib/backoff'
import { DownloadJob } from './download-job'
import { TRANSFER_BACKOFF } from './transfer-backoff'
import type { EngineSettings } from './engine-settings'
import type { RemoteUploads } from './remote-uploads'
import type { TokenBucket } from './token-bucket'
import type { TransferApi, UploadResult } from './transfer-api'
import { isRetriable, TransferFailureError } from './transfer-failure'
import type { RecordPatch, TransferMeta, TransferRecord } from './transfer-record'
import { renamedNote } from '../../../shared/names/remote-name'

/** Everything jobs share: the API, the account's connection budget, the speed limits. */
export interface JobContext {
  api: TransferApi
  clock: Clock
  budget: ConnectionBudget
  downLimiter: TokenBucket
  upLimiter: TokenBucket
  /** Paths of files being downloaded, so that two downloads never pick the same name. */
  reserved: Set<string>
  /** Paths downloads of this engine have written, so that `overwrite` never replaces a sibling's file. */
  landed: Set<string>
  /** Remote folder ids by parent and path, shared so a dropped tree creates each folder once. */
  folders: Map<string, Promise<number>>
  settings: () => EngineSettings
  /** Batched submission and shared polling of remote uploads. */
  remote: RemoteUploads
  minSegment?: number
}

export interface JobCallbacks {
  /** Records what the job learnt, durably (name, size, part path, upload node). */
  update(patch: RecordPatch): Promise<void>
  bytes(count: number): void
  total(total: number | null): void
  resetBytes(): void
}

type Patch = RecordPatch

/** Runs one transfer to completion and answers what to record; throws on failure or abort. */
export async function runJob(
  record: TransferRecord,
  context: JobContext,
  signal: AbortSignal,
  callbacks: JobCallbacks,
): Promise<Patch> {
  switch (record.meta.kind) {
    case 'download':
      return runDownload(record, record.meta, context, signal, callbacks)
    case 'upload':
      return runUpload(record.meta, context, signal, callbacks)
    case 'remote-upload':
      return runRemoteUpload(record.meta, context, signal, callbacks)
  }
}

async function runDownload(
  record: TransferRecord,
  initialMeta: Extract<TransferMeta, { kind: 'download' }>,
  context: JobContext,
  signal: AbortSignal,
  callbacks: JobCallbacks,
): Promise<Patch> {
  let meta = initialMeta
  const settings = context.settings()
  await mkdir(meta.dir, { recursive: true })
  if (meta.verify && !meta.checksum) {
    // A file whose details 1fichier will not give (someone else's, restricted) is still downloaded,
    // checked by size only; a passing failure is tried again.
    const facts = await context.api
      .fileFacts(record.source, meta.password, signal)
      .catch((error: unknown) => {
        if (isRetriable(error)) throw error
        return null
      })
    if (facts?.checksum) {
      meta = { ...meta, checksum: facts.checksum, knownName: meta.knownName ?? facts.name }
      await callbacks.update({ meta: { checksum: facts.checksum } })
    }
  }
  const job = new DownloadJob(
    {
      link: record.source,
      dir: meta.dir,
      conflict: settings.conflict,
      connections: settings.connectionsPerFile,
      ...(meta.password ? { password: meta.password } : {}),
      ...(meta.knownName ? { knownName: meta.knownName } : {}),
      ...(meta.checksum ? { checksum: meta.checksum } : {}),
      ...(meta.partPath ? { partPath: meta.partPath } : {}),
      ...(meta.partPath && record.bytesTotal !== null ? { expectedSize: record.bytesTotal } : {}),
      ...(context.minSegment ? { minSegment: context.minSegment } : {}),
    },
    {
      clock: context.clock,
      budget: context.budget,
      limiter: context.downLimiter,
      tokenFor: (link, password, abort) => context.api.downloadToken(link, password, abort),
      whirlpoolOfFile: (path, abort) => context.api.whirlpoolOfFile(path, abort),
      reserved: context.reserved,
      landed: context.landed,
    },
    {
      onMeta: async ({ name, size, partPath, doneBytes }) => {
        callbacks.total(size)
        callbacks.resetBytes()
        callbacks.bytes(doneBytes)
        if (name !== record.name || size !== record.bytesTotal || partPath !== meta.partPath) {
          await callbacks.update({ name, bytesTotal: size, meta: { partPath } })
        }
      },
      onBytes: (count) => callbacks.bytes(count),
      onRestart: async () => {
        callbacks.resetBytes()
        await callbacks.update({ meta: { partPath: undefined } })
      },
      onNote: (note) => void callbacks.update({ note: note ?? undefined }),
    },
    signal,
  )
  const outcome = await job.run()
  if (outcome.status === 'skipped') {
    return {
      name: outcome.name,
      skipped: true,
      note: outcome.writing
        ? `Another link of this run gives the same name, ${outcome.path}: not fetched, so that neither is lost.`
        : `${outcome.path} was already there: not fetched (conflict policy "skip").`,
      meta: { finalPath: outcome.path },
    }
  }
  return {
    name: outcome.name,
    bytesTotal: outcome.size,
    ...(outcome.verified && meta.checksum ? { checksum: meta.checksum } : {}),
    meta: { finalPath: outcome.path, partPath: undefined },
  }
}

function ensureFolder(
  context: JobContext,
  parentId: number,
  segments: readonly string[],
  signal: AbortSignal,
): Promise<number> {
  if (segments.length === 0) return Promise.resolve(parentId)
  const key = `${parentId}/${segments.join('\u0000')}`
  let pending = context.folders.get(key)
  if (!pending) {
    pending = ensureFolder(context, parentId, segments.slice(0, -1), signal).then((parent) =>
      context.api.ensureFolderPath(parent, segments.slice(-1), signal),
    )
    pending.catch(() => context.folders.delete(key))
    context.folders.set(key, pending)
  }
  return pending
}

async function runUpload(
  meta: Extract<TransferMeta, { kind: 'upload' }>,
  context: JobContext,
  signal: AbortSignal,
  callbacks: JobCallbacks,
): Promise<Patch> {
  let again: string | undefined
  if (meta.node && meta.xid) {
    // The bytes may have gone out before a crash: collect that result instead of uploading twice.
    const earlier = await collectEarlier(context, meta.node, meta.xid, signal)
    if (earlier.result && earlier.result.size === meta.size) {
      const found = earlier.result
      if (meta.options) await context.api.setAttributes(found.link, meta.options)
      return {
        link: found.link,
        removeLink: found.removeLink,
        ...(found.whirlpool ? { checksum: found.whirlpool } : {}),
        bytesTotal: meta.size,
        meta: { node: undefined, xid: undefined },
      }
    }
    again = earlier.error
      ? `Sent again: 1fichier could not say what became of the earlier upload (${earlier.error}); check the folder for a duplicate.`
      : 'Sent again: 1fichier has no trace of the earlier, interrupted upload.'
  }
  const folderId = await ensureFolder(context, meta.folderId, meta.relDir, signal)
  if (context.settings().uploadDuplicates === 'skip') {
    const existing = await context.api.findRemoteFile(folderId, basename(meta.path), meta.size, signal)
    if (existing)
      return {
        link: existing,
        bytesTotal: meta.size,
        skipped: true,
        note: 'Already in the folder on 1fichier (same name and size): skipped.',
      }
  }
  callbacks.resetBytes()
  let sent = 0
  const result = await context.api.upload(meta.path, {
    folderId,
    signal,
    onProgress: (bytesSent) => {
      if (bytesSent > sent) callbacks.bytes(bytesSent - sent)
      sent = bytesSent
    },
    throttle: (bytes, abort) => context.upLimiter.take(bytes, abort),
    onNode: (node, xid) => callbacks.update({ meta: { node, xid } }),
  })
  if (result.whirlpool) {
    const local = result.sentWhirlpool ?? (await context.api.whirlpoolOfFile(meta.path, signal))
    if (local !== result.whirlpool.toLowerCase()) {
      throw new TransferFailureError(
        'CHECKSUM_MISMATCH',
        '1fichier received different bytes than the file on disk; it will be sent again.',
        {
          retriable: true,
        },
      )
    }
  }
  if (meta.options) await context.api.setAttributes(result.link, meta.options)
  const renamed = renamedNote(basename(meta.path))
  return {
    ...(renamed ? { note: renamed } : {}),
    link: result.link,
    removeLink: result.removeLink,
    bytesTotal: result.size,
    ...(result.whirlpool ? { checksum: result.whirlpool.toLowerCase() } : {}),
    ...(again ? { note: again } : {}),
    meta: { node: undefined, xid: undefined },
  }
}

const COLLECT_ATTEMPTS = 4

/**
 * Reads the report of an upload sent before the app stopped, trying again (a few times, with
 * backoff) when reading it fails; `error` says why when it never could be read.
 */
async function collectEarlier(
  context: JobContext,
  node: string,
  xid: string,
  signal: AbortSignal,
): Promise<{ result: UploadResult | null; error?: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { result: await context.api.collectUpload(node, xid, signal) }
    } catch (error) {
      if (signal.aborted) throw signal.reason
      if (attempt >= COLLECT_ATTEMPTS) {
        return { result: null, error: error instanceof Error ? error.message : String(error) }
      }
      await context.clock.sleep(backoff(attempt, TRANSFER_BACKOFF), signal)
    }
  }
}

async function runRemoteUpload(
  meta: Extract<TransferMeta, { kind: 'remote-upload' }>,
  context: JobContext,
  signal: AbortSignal,
  callbacks: JobCallbacks,
): Promise<Patch> {
  let jobId = meta.jobId
  if (jobId === undefined) {
    jobId = await context.remote.submit(meta.url, meta.folderId, signal, meta.headers)
    await callbacks.update({ meta: { jobId } })
  }
  const outcome = await context.remote.result(jobId, meta.url, signal)
  if (outcome.ok && outcome.link) return { link: outcome.link }
  throw new TransferFailureError('UPLOAD_REFUSED', outcome.message ?? '1fichier could not fetch this URL.', {
    retriable: false,
  })
}
