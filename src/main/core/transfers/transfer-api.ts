import type { UploadOptions } from '../../../shared/model/intake'
import type { PublicFolderFile } from './intake/intake'

export interface UploadResult {
  link: string
  removeLink: string
  size: number
  whirlpool: string | null
  /** Whirlpool of the bytes sent, computed while sending (absent when the result was collected later). */
  sentWhirlpool?: string
}

/** What the engine needs from 1fichier; the composition root adapts the API client to it. */
export interface TransferApi {
  /** A direct download URL for a public link. */
  downloadToken(link: string, password: string | undefined, signal: AbortSignal): Promise<string>
  /** Name, size and Whirlpool of a file, from file/info (an API call each: only when asked). */
  fileFacts(
    link: string,
    password: string | undefined,
    signal: AbortSignal,
  ): Promise<{ name: string; size: number; checksum: string | null }>
  /** The files of a public folder link. */
  listPublicFolder(url: string, password: string | undefined): Promise<PublicFolderFile[]>
  /** The id of `segments` under `parentId`, creating missing folders and reusing existing ones. */
  ensureFolderPath(parentId: number, segments: readonly string[], signal: AbortSignal): Promise<number>
  upload(
    path: string,
    options: {
      folderId: number
      signal: AbortSignal
      onProgress: (bytesSent: number) => void
      /** Waits until `bytes` more may be sent (the upload speed limit). */
      throttle: (bytes: number, signal: AbortSignal) => Promise<void>
      /** Called with the chosen node before any byte is sent, to be journaled. */
      onNode: (node: string, xid: string) => Promise<void>
    },
  ): Promise<UploadResult>
  /** The link of a file with this name and size in the folder, or null (from the folder's listing). */
  findRemoteFile(folderId: number, name: string, size: number, signal: AbortSignal): Promise<string | null>
  /** Sets a password, description, CDN flag or access rules on an uploaded file. */
  setAttributes(link: string, options: UploadOptions): Promise<void>
  /** The result of an upload whose bytes were sent before a crash, or null if the node has none. */
  collectUpload(node: string, xid: string, signal?: AbortSignal): Promise<UploadResult | null>
  remoteRequest(urls: readonly string[], folderId: number, headers?: Record<string, string>): Promise<number>
  /** Which of these remote upload jobs have run (one call for all of them). */
  remoteFinished(jobIds: readonly number[]): Promise<number[]>
  remoteResult(
    jobId: number,
  ): Promise<null | Array<{ url: string; ok: boolean; link?: string; message?: string }>>
  whirlpoolOfFile(path: string, signal?: AbortSignal): Promise<string>
}
