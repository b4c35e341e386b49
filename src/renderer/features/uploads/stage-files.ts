import { IpcCallError } from '../../lib/ipc-call-error'
import { readStagingAnswer, stagingProgress, stagingUrl, type StagingProgress } from './staging-request'

/** Sends one file; resolves with its path on the server. */
function sendOne(file: File, onLoaded: (bytes: number) => void, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    const abort = () => xhr.abort()
    signal.addEventListener('abort', abort, { once: true })
    const settle = () => signal.removeEventListener('abort', abort)
    xhr.open('PUT', stagingUrl(file.name))
    xhr.setRequestHeader('X-File-Size', String(file.size))
    xhr.upload.onprogress = (event) => onLoaded(event.loaded)
    xhr.onload = () => {
      settle()
      const answer = readStagingAnswer(xhr.status, xhr.responseText)
      if (answer.ok) resolve(answer.path)
      else reject(new IpcCallError('staging', answer.code, `${file.name}: ${answer.message}`))
    }
    xhr.onerror = () => {
      settle()
      reject(
        new IpcCallError('staging', 'STAGING_FAILED', `${file.name}: the connection to the server was lost.`),
      )
    }
    xhr.onabort = () => {
      settle()
      reject(new DOMException('Sending stopped', 'AbortError'))
    }
    xhr.send(file)
  })
}

/**
 * Streams files from the browser to the server's staging folder, one after the other (progress is a single
 * line for all of them), and resolves with their paths on the server, in order; these are then added as uploads
 * like files on the server's disk. `signal` stops it: the file under way is dropped by the server.
 */
export async function stageFiles(
  files: readonly File[],
  onProgress: (progress: StagingProgress) => void,
  signal: AbortSignal,
): Promise<string[]> {
  const staged: string[] = []
  let sentBefore = 0
  onProgress(stagingProgress(files, 0, 0))
  for (const file of files) {
    signal.throwIfAborted()
    staged.push(
      await sendOne(file, (loaded) => onProgress(stagingProgress(files, sentBefore, loaded)), signal),
    )
    sentBefore += file.size
    onProgress(stagingProgress(files, sentBefore, 0))
  }
  return staged
}
