import { CallSpacing } from '../fichier/call-spacing'
import type { FichierClient } from '../fichier/fichier-client'
import { systemClock, type Clock } from '../lib/clock'
import { whirlpoolOfFile } from '../fichier/whirlpool'
import { attributesFromOptions } from '../fichier/attributes-from-options'
import type { TransferApi, UploadResult } from './transfer-api'
import { sameRemoteName } from '../../../shared/names/remote-name'

/**
 * `file/info` calls are spaced this far apart (JDownloader's minimum interval for 1fichier): bursts
 * of them get `Owner locked #649`, so a long list of links to verify never sends one per link at once.
 */
export const FILE_INFO_INTERVAL_MS = 2500

/** The engine's view of 1fichier, over the API client. */
export function createFichierTransferApi(
  client: FichierClient,
  options: { fileInfoIntervalMs?: number; clock?: Clock } = {},
): TransferApi {
  const fileInfoSpacing = new CallSpacing(
    options.fileInfoIntervalMs ?? FILE_INFO_INTERVAL_MS,
    options.clock ?? systemClock,
  )
  const toResult = (result: {
    link: string
    removeLink: string
    size: number
    whirlpool: string | null
    sentWhirlpool?: string
  }): UploadResult => ({
    link: result.link,
    removeLink: result.removeLink,
    size: result.size,
    whirlpool: result.whirlpool,
    ...(result.sentWhirlpool ? { sentWhirlpool: result.sentWhirlpool } : {}),
  })
  return {
    async downloadToken(link, password, signal) {
      const token = await client.downloadToken(link, { signal, ...(password ? { password } : {}) })
      return token.url
    },
    async fileFacts(link, password, signal) {
      await fileInfoSpacing.wait(signal)
      const info = await client.fileInfo(link, { signal, ...(password ? { password } : {}) })
      return { name: info.name, size: info.size, checksum: info.checksum }
    },
    async listPublicFolder(url, password) {
      const entries = await client.publicFolder(url, password ? { password } : {})
      return entries.map((entry) => ({ link: entry.link, name: entry.name, size: entry.size }))
    },
    ensureFolderPath(parentId, segments, signal) {
      return client.ensureFolderPath(parentId, segments, { signal })
    },
    async upload(path, options) {
      const result = await client.upload(
        { path },
        {
          folderId: options.folderId,
          signal: options.signal,
          onProgress: (sent) => options.onProgress(sent),
          throttle: (bytes, signal) => options.throttle(bytes, signal ?? options.signal),
          onNode: options.onNode,
          hashWhileSending: true,
        },
      )
      return toResult(result)
    },
    async findRemoteFile(folderId, name, size, signal) {
      const listing = await client.folderList(folderId, { files: true, signal })
      return listing.items.find((file) => sameRemoteName(name, file.name) && file.size === size)?.url ?? null
    },
    async setAttributes(link, options) {
      await client.changeAttributes([link], attributesFromOptions(options))
    },
    async collectUpload(node, xid, signal) {
      const result = await client.collectUpload(node, xid, signal ? { signal } : {})
      return result ? toResult(result) : null
    },
    async remoteRequest(urls, folderId, headers) {
      return (await client.remoteRequest(urls, folderId, headers ? { headers } : {})).id
    },
    async remoteFinished(jobIds) {
      const wanted = new Set(jobIds)
      return (await client.remoteJobs()).filter((job) => job.done && wanted.has(job.id)).map((job) => job.id)
    },
    async remoteResult(jobId) {
      const info = await client.remoteInfo(jobId)
      if (!info.done || info.results.length === 0) return null
      return info.results.map((entry) => ({
        url: entry.url,
        ok: entry.ok,
        ...(entry.link ? { link: entry.link } : {}),
        ...(entry.message ? { message: entry.message } : {}),
      }))
    },
    whirlpoolOfFile,
  }
}
