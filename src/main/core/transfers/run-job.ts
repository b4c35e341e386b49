import { runDownload } from './download/run-download'
import type { JobCallbacks, JobContext } from './job-context'
import type { RecordPatch, TransferRecord } from './transfer-record'
import { runRemoteUpload } from './upload/run-remote-upload'
import { runUpload } from './upload/run-upload'

/** Runs one transfer to completion and answers what to record; throws on failure or abort. */
export async function runJob(
  record: TransferRecord,
  context: JobContext,
  signal: AbortSignal,
  callbacks: JobCallbacks,
): Promise<RecordPatch> {
  switch (record.meta.kind) {
    case 'download':
      return runDownload(record, record.meta, context, signal, callbacks)
    case 'upload':
      return runUpload(record.meta, context, signal, callbacks)
    case 'remote-upload':
      return runRemoteUpload(record.meta, context, signal, callbacks)
  }
}
