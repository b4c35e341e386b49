export interface Operation {
  /** Path under the API base, e.g. `file/ls.cgi`. */
  path: string
  method: 'GET' | 'POST'
  /** Safe to send again after a transient failure. */
  idempotent: boolean
  /** Changes files or folders: cached listings are dropped after it. */
  mutates: boolean
  /** Works without a key. */
  anonymous?: boolean
  /** A `status: "KO"` answer is a result, not an error (antivirus verdicts). */
  koIsResult?: boolean
  /**
   * The caller handles refusals it does not know itself, so the client does not ask again (a fresh upload's
   * `get_token` answers KO until 1fichier has processed it; the download waits on that with its own patience).
   */
  callerRetriesUnknown?: boolean
}

/** Every `/v1` endpoint the client calls, as data. */
export const OPERATIONS = {
  downloadToken: {
    path: 'download/get_token.cgi',
    method: 'POST',
    idempotent: true,
    mutates: false,
    callerRetriesUnknown: true,
  },
  fileInfo: { path: 'file/info.cgi', method: 'POST', idempotent: true, mutates: false },
  fileList: { path: 'file/ls.cgi', method: 'POST', idempotent: true, mutates: false },
  fileRemove: { path: 'file/rm.cgi', method: 'POST', idempotent: false, mutates: true },
  fileMove: { path: 'file/mv.cgi', method: 'POST', idempotent: false, mutates: true },
  fileCopy: { path: 'file/cp.cgi', method: 'POST', idempotent: false, mutates: true },
  fileRename: { path: 'file/rename.cgi', method: 'POST', idempotent: false, mutates: true },
  fileChattr: { path: 'file/chattr.cgi', method: 'POST', idempotent: true, mutates: true },
  fileScan: { path: 'file/scan.cgi', method: 'POST', idempotent: true, mutates: false, koIsResult: true },
  folderList: { path: 'folder/ls.cgi', method: 'POST', idempotent: true, mutates: false },
  folderMake: { path: 'folder/mkdir.cgi', method: 'POST', idempotent: false, mutates: true },
  folderShare: { path: 'folder/share.cgi', method: 'POST', idempotent: true, mutates: true },
  folderMove: { path: 'folder/mv.cgi', method: 'POST', idempotent: false, mutates: true },
  folderRemove: { path: 'folder/rm.cgi', method: 'POST', idempotent: false, mutates: true },
  userInfo: { path: 'user/info.cgi', method: 'POST', idempotent: true, mutates: false },
  uploadServer: {
    path: 'upload/get_upload_server.cgi',
    method: 'GET',
    idempotent: true,
    mutates: false,
    anonymous: true,
  },
  remoteRequest: { path: 'remote/request.cgi', method: 'POST', idempotent: false, mutates: true },
  remoteList: { path: 'remote/ls.cgi', method: 'POST', idempotent: true, mutates: false },
  remoteInfo: { path: 'remote/info.cgi', method: 'POST', idempotent: true, mutates: false },
} as const satisfies Record<string, Operation>

export type OperationName = keyof typeof OPERATIONS
