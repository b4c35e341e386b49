import { randomUUID } from 'node:crypto'
import { mkdir, rm } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { dirname, join, resolve } from 'node:path'
import { declaredSize } from './declared-size'
import { BodyCutOffError, checkFreeSpace, receiveFile } from './receive-file'
import { stagedName } from './staged-name'
import { StagingRefusalError } from './staging-refusal'

/**
 * Files dropped on the served page, streamed to the server (`PUT /staging/<name>`, header `X-File-Size`) into
 * the state folder's `staging/`, each in a folder of its own so that it keeps its name; the page then adds them
 * as uploads by the path answered, and they are released once their upload has ended.
 */
export interface Staging {
  /** The staging folder (uploads may name the files in it). */
  readonly dir: string
  /**
   * Handles PUT /staging/<name> (the body is the file; header X-File-Size); true when it wrote the response.
   * Answers JSON { path } — a file inside the staging folder — or a JSON error with a clear message.
   */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>
  /** Removes a staged file once its upload has ended (completed, removed); any other path is left alone. */
  release(path: string): Promise<void>
}

export interface StagingOptions {
  /** The server's state folder; files are staged in `<stateDir>/staging`. */
  stateDir: string
  /** The largest file the page may send (bytes). */
  maxBytes: number
  log: (message: string) => void
}

/** The default of `maxBytes`: 1fichier's own per-file cap is 300 GB, a NAS state disk usually less. */
export const DEFAULT_STAGING_MAX_BYTES = 50 * 1024 ** 3

const PREFIX = '/staging/'

function sendJson(res: ServerResponse, status: number, body: unknown, close = false): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...(close ? { Connection: 'close' } : {}),
  })
  res.end(text)
}

/** A page of another site may not send files here (a PUT from a browser always names its origin). */
function checkOrigin(req: IncomingMessage): void {
  const origin = req.headers.origin
  if (origin === undefined) return
  let host: string | null = null
  try {
    host = new URL(origin).host
  } catch {
    host = null
  }
  if (host === null || host !== req.headers.host)
    throw new StagingRefusalError(
      403,
      'STAGING_FOREIGN_ORIGIN',
      'Files may be sent only from this server’s own page.',
    )
}

export async function createStaging(options: StagingOptions): Promise<Staging> {
  const dir = resolve(options.stateDir, 'staging')
  await mkdir(dir, { recursive: true, mode: 0o700 })

  const receive = async (req: IncomingMessage, encodedName: string): Promise<string> => {
    checkOrigin(req)
    const name = stagedName(encodedName)
    const size = declaredSize(req.headers, options.maxBytes)
    await checkFreeSpace(dir, size)
    const folder = join(dir, randomUUID())
    await mkdir(folder, { mode: 0o700 })
    const path = join(folder, name)
    try {
      await receiveFile(req, path, size)
    } catch (error) {
      await rm(folder, { recursive: true, force: true })
      throw error
    }
    return path
  }

  return {
    dir,
    async handle(req, res) {
      const pathname = (req.url ?? '/').split('?')[0] ?? '/'
      if (!pathname.startsWith(PREFIX) && pathname !== '/staging') return false
      if (req.method !== 'PUT') {
        res.setHeader('Allow', 'PUT')
        sendJson(
          res,
          405,
          { error: { code: 'STAGING_METHOD', message: 'Send files with PUT /staging/<name>.' } },
          true,
        )
        req.resume()
        return true
      }
      try {
        sendJson(res, 201, { path: await receive(req, pathname.slice(PREFIX.length)) })
      } catch (error) {
        if (error instanceof BodyCutOffError || res.destroyed) {
          options.log(`staging: a file sent from the page was cut off (${(error as Error).message})`)
          return true
        }
        const refusal =
          error instanceof StagingRefusalError
            ? error
            : (error as NodeJS.ErrnoException).code === 'ENOSPC'
              ? new StagingRefusalError(507, 'STAGING_NO_SPACE', 'The server’s disk is full.', {
                  cause: error,
                })
              : new StagingRefusalError(500, 'STAGING_FAILED', 'The server could not store the file.', {
                  cause: error,
                })
        if (refusal.status === 500) options.log(`staging: ${(error as Error).message}`)
        // The rest of the body is not read: the connection closes after the answer.
        sendJson(
          res,
          refusal.status,
          { error: { code: refusal.code, message: refusal.message } },
          !req.complete,
        )
        req.resume()
      }
      return true
    },
    async release(path) {
      const folder = dirname(resolve(path))
      if (dirname(folder) !== dir) return
      await rm(folder, { recursive: true, force: true })
    },
  }
}
