import { basename } from 'node:path'
import { backoff } from '../../lib/backoff'
import { TRANSFER_BACKOFF } from '../transfer-backoff'
import type { UploadResult } from '../transfer-api'
import { TransferFailureError } from '../transfer-failure'
import type { RecordPatch, TransferMeta } from '../transfer-record'
import { renamedNote } from '../../../../shared/names/remote-name'
import type { JobCallbacks, JobContext } from '../job-context'

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

/** An upload: its folder made (once per tree), its report read after a crash, its bytes sent, its options set. */
export async function runUpload(
  meta: Extract<TransferMeta, { kind: 'upload' }>,
  context: JobContext,
  signal: AbortSignal,
  callbacks: JobCallbacks,
): Promise<RecordPatch> {
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
