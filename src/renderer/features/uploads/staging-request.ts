/** Where the served page streams a file it sends to the server (`PUT`, with its size in `X-File-Size`). */
export function stagingUrl(name: string): string {
  return `/staging/${encodeURIComponent(name)}`
}

/** The server's answer to a staged file: its path on the server, or why it was refused. */
export type StagingAnswer = { ok: true; path: string } | { ok: false; code: string; message: string }

/** Reads an answer of `PUT /staging/<name>`; anything unexpected (a proxy's page…) says its status. */
export function readStagingAnswer(status: number, body: string): StagingAnswer {
  let parsed: unknown = null
  try {
    parsed = JSON.parse(body)
  } catch {
    parsed = null
  }
  const value = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as {
    path?: unknown
    error?: { code?: unknown; message?: unknown }
  }
  if (status === 201 && typeof value.path === 'string') return { ok: true, path: value.path }
  if (typeof value.error?.code === 'string' && typeof value.error.message === 'string')
    return { ok: false, code: value.error.code, message: value.error.message }
  if (status === 401)
    return { ok: false, code: 'STAGING_SESSION', message: 'The session has ended: log in again.' }
  return { ok: false, code: 'STAGING_FAILED', message: `The server answered HTTP ${status}.` }
}

/** Bytes sent so far over all the files of one drop. */
export interface StagingProgress {
  files: number
  sent: number
  total: number
}

/** The progress of a drop once `sentBefore` bytes of earlier files and `loaded` of the current one are sent. */
export function stagingProgress(
  files: readonly { size: number }[],
  sentBefore: number,
  loaded: number,
): StagingProgress {
  const total = files.reduce((sum, file) => sum + file.size, 0)
  return { files: files.length, sent: Math.min(total, sentBefore + loaded), total }
}
