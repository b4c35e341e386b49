import type { IncomingMessage, ServerResponse } from 'node:http'
import { handleApi } from './api-host'
import { ApiRefusalError } from './api-error'
import { handleDownload, TOKEN_PATH } from './download-node'
import { sendHomePage } from './html-pages'
import { invokeControl, type EmulatorControl } from './emulator-control'
import { sendFault } from './fault-reply'
import { sendHtml, sendJson } from './json-reply'
import type { EmulatorRuntime } from './runtime'
import { handleEndPl, handleUpload } from './upload-node'
import { handleCheckLinks, handleDir } from './website'

const CONTROL_PREFIX = '/__emulator/'

function isLoopback(address: string | undefined): boolean {
  return !!address && (/^(::ffff:)?127\./.test(address) || address === '::1')
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8').trim()
  return text === '' ? undefined : (JSON.parse(text) as unknown)
}

async function handleControl(
  control: EmulatorControl,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<void> {
  if (!isLoopback(req.socket.remoteAddress)) {
    req.resume()
    sendJson(res, 403, { message: 'control is only reachable from loopback' })
    return
  }
  const method = pathname.slice(CONTROL_PREFIX.length)
  try {
    const body = req.method === 'GET' ? (req.resume(), undefined) : await readJson(req)
    sendJson(res, 200, await invokeControl(control, method, body))
  } catch (error) {
    const status = error instanceof ApiRefusalError ? error.httpStatus : 400
    sendJson(res, status, { message: error instanceof Error ? error.message : String(error) })
  }
}

function statsKey(pathname: string): string {
  if (TOKEN_PATH.test(pathname)) return '/download'
  if (pathname.startsWith('/dir/')) return '/dir'
  return pathname
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Routes one request to the API host, an upload node, a download node, the website or the control path. */
export function createRequestListener(rt: EmulatorRuntime, control: EmulatorControl) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const url = new URL(req.url ?? '/', 'http://emulator.invalid')
      const pathname = url.pathname
      if (pathname.startsWith(CONTROL_PREFIX)) return await handleControl(control, req, res, pathname)
      rt.countRequest(statsKey(pathname))
      const token = TOKEN_PATH.exec(pathname)
      if (token?.[1]) return await handleDownload(rt, req, res, url, token[1])
      const fault = rt.faults.takeFail(pathname, false)
      if (fault) {
        req.resume()
        return sendFault(res, fault)
      }
      const stall = rt.faults.takeStall(pathname)
      if (stall) {
        if (stall.ms === undefined) {
          req.resume()
          return
        }
        await sleep(stall.ms)
      }
      if (pathname.startsWith('/v1/') && pathname.endsWith('.cgi'))
        return await handleApi(rt, req, res, pathname)
      if (pathname === '/upload.cgi') return await handleUpload(rt, req, res, url)
      if (pathname === '/end.pl') {
        req.resume()
        return handleEndPl(rt, req, res, url)
      }
      const dir = /^\/dir\/([A-Za-z0-9]+)\/?$/.exec(pathname)
      if (dir?.[1]) return await handleDir(rt, req, res, url, dir[1])
      if (pathname === '/check_links.pl') return await handleCheckLinks(rt, req, res)
      if (pathname === '/') {
        req.resume()
        return sendHomePage(res, url)
      }
      req.resume()
      sendHtml(res, 404, '<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>')
    } catch (error) {
      if (!res.headersSent) {
        sendJson(res, 500, {
          status: 'KO',
          message: `Internal error: ${error instanceof Error ? error.message : String(error)}`,
        })
      } else {
        res.destroy()
      }
    }
  }
}
