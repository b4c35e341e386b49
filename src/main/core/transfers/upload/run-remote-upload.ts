import { TransferFailureError } from '../transfer-failure'
import type { RecordPatch, TransferMeta } from '../transfer-record'
import type { JobCallbacks, JobContext } from '../job-context'

/** A remote upload: its URL submitted (batched), then its result awaited (one poller for all). */
export async function runRemoteUpload(
  meta: Extract<TransferMeta, { kind: 'remote-upload' }>,
  context: JobContext,
  signal: AbortSignal,
  callbacks: JobCallbacks,
): Promise<RecordPatch> {
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
