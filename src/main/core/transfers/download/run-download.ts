import { mkdir } from 'node:fs/promises'
import { DownloadJob } from '../download/download-job'
import { isRetriable } from '../transfer-failure'
import type { RecordPatch, TransferMeta, TransferRecord } from '../transfer-record'
import type { JobCallbacks, JobContext } from '../job-context'

/** A download: name, size, parts and checks (`DownloadJob`), and what to record once it is done. */
export async function runDownload(
  record: TransferRecord,
  initialMeta: Extract<TransferMeta, { kind: 'download' }>,
  context: JobContext,
  signal: AbortSignal,
  callbacks: JobCallbacks,
): Promise<RecordPatch> {
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
