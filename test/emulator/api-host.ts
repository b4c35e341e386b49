import type { IncomingMessage, ServerResponse } from 'node:http'
import { accountHandlers } from './api-account'
import type { ApiHandler } from './api-call'
import { ApiRefusalError } from './api-error'
import { folderHandlers } from './api-folders'
import { fileHandlers } from './api-files'
import { remoteHandlers } from './api-remote'
import type { JsonBody } from './body-fields'
import { newUploadId } from './ids'
import { sendJson } from './json-reply'
import type { EmulatorRuntime } from './runtime'

const handlers: Record<string, ApiHandler> = {
  ...accountHandlers,
  ...fileHandlers,
  ...folderHandlers,
  ...remoteHandlers,
}

const MAX_BODY = 1024 * 1024

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let length = 0
  for await (const chunk of req) {
    length += (chunk as Buffer).length
    if (length > MAX_BODY) throw new ApiRefusalError(413, 'Request too large', 25)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function parseJson(text: string): JsonBody {
  if (text.trim() === '') return {}
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new ApiRefusalError(400, 'Invalid JSON', 23, { cause: error })
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new ApiRefusalError(400, 'Invalid JSON', 23)
  return value as JsonBody
}

function bearerKey(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null
  return match?.[1]
}

function authFailure(rt: EmulatorRuntime): ApiRefusalError {
  return rt.switches.authError === 'no-such-user'
    ? new ApiRefusalError(403, 'No such user', 93)
    : new ApiRefusalError(401, 'Not authenticated', 247)
}

const lastLocation = new WeakMap<EmulatorRuntime, Map<string, { ip: string; at: number }>>()

/** With `oneLocationMs`, a key used from a second IP within that time is refused. */
function checkLocation(rt: EmulatorRuntime, key: string, ip: string, now: number): void {
  if (rt.switches.oneLocationMs <= 0) return
  let seen = lastLocation.get(rt)
  if (!seen) lastLocation.set(rt, (seen = new Map()))
  const last = seen.get(key)
  if (last && last.ip !== ip && now - last.at < rt.switches.oneLocationMs) {
    throw new ApiRefusalError(403, 'Only 1 location allowed at a time', 887)
  }
  seen.set(key, { ip, at: now })
}

/** Serves `/v1/<group>/<action>.cgi`. */
export async function handleApi(
  rt: EmulatorRuntime,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<void> {
  const now = Date.now()
  const ip = req.socket.remoteAddress ?? ''
  let pretty = false
  const reply = (status: number, body: unknown): void => {
    if ([401, 403, 404, 410].includes(status) && rt.limiter.recordError(ip, now)) rt.stats.floodLocks++
    sendJson(res, status, body, { pretty, shuffleKeys: rt.switches.shuffleKeys })
  }
  try {
    if (rt.limiter.banned(ip, now)) {
      rt.stats.rateLimited++
      throw new ApiRefusalError(403, 'IP Locked', 186)
    }
    const flood = rt.limiter.hit(ip, now)
    if (flood !== 'ok') {
      rt.stats.rateLimited++
      if (flood === 'new-lock') rt.stats.floodLocks++
      throw new ApiRefusalError(403, 'Flood detected: IP Locked', rt.limiter.options.floodCode)
    }
    const contentType = req.headers['content-type'] ?? ''
    if (!/^application\/json\b/i.test(contentType)) {
      req.resume()
      throw new ApiRefusalError(400, 'Content-Type not JSON', 24, { bare: true })
    }
    const body = parseJson(await readBody(req))
    pretty = body.pretty === 1 || body.pretty === '1' || body.pretty === true
    const action = pathname.slice('/v1/'.length)
    if (action === 'upload/get_upload_server.cgi') {
      reply(200, { url: rt.nodeHost('up', req), id: newUploadId() })
      return
    }
    const handler = handlers[action]
    if (!handler) throw new ApiRefusalError(404, 'Unknown method', 1)
    if (req.method !== 'POST' && req.method !== 'GET') throw new ApiRefusalError(405, 'Method not allowed', 3)
    const key = bearerKey(req)
    const account = key === undefined ? undefined : rt.store.accounts.get(key)
    if (!account) throw authFailure(rt)
    checkLocation(rt, account.key, ip, now)
    reply(200, await handler({ rt, account, body, req, ip, now }))
  } catch (error) {
    if (error instanceof ApiRefusalError) {
      reply(error.httpStatus, error.body)
      return
    }
    reply(500, {
      status: 'KO',
      message: `Internal error: ${error instanceof Error ? error.message : String(error)} #500`,
    })
  }
}
