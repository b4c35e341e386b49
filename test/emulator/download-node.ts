import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { parseRange } from './byte-range'
import type { DownloadFaults } from './faults'
import { sendFault } from './fault-reply'
import { sendHtmlPage } from './html-pages'
import { sendHtml } from './json-reply'
import { processingPhase } from './processing'
import type { FileRecord } from './records'
import type { EmulatorRuntime } from './runtime'

export const TOKEN_PATH = /^\/([pc]\d{6,12})$/

/** Like the real node's inode-size-mtime ETag: the same file has another ETag on every node. */
function etagOf(file: FileRecord, node: number): string {
  const tag = createHash('sha1').update(`${node}:${file.id}`).digest('hex').slice(0, 9)
  return `"${tag}-${file.size.toString(16)}-${Math.floor(file.createdAt / 1000).toString(16)}"`
}

function disposition(name: string, inline: boolean): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_')
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

function refuse(res: ServerResponse, status: number, text: string): void {
  sendHtml(res, status, `<!DOCTYPE html><html><body><div class="bloc2">${text}</div></body></html>`)
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Resolves on `drain`, or on `close` (then the caller stops). */
function drainOrClose(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done)
      res.off('close', done)
      resolve()
    }
    res.on('drain', done)
    res.on('close', done)
  })
}

function closed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) =>
    res.destroyed || res.writableFinished ? resolve() : res.once('close', () => resolve()),
  )
}

async function streamBody(
  rt: EmulatorRuntime,
  res: ServerResponse,
  file: FileRecord,
  start: number,
  count: number,
  faults: DownloadFaults,
): Promise<void> {
  const rates = [rt.speedCap, faults.dripBytesPerSecond ?? 0].filter((rate) => rate > 0)
  const rate = rates.length > 0 ? Math.min(...rates) : 0
  const slice = rate > 0 ? Math.max(1, Math.floor(rate / 20)) : Infinity
  const began = Date.now()
  let sent = 0
  let stalled = false
  // One listener for the whole body: racing a fresh one against every pause would pile them up.
  const gone = closed(res)
  for await (const chunk of rt.store.read(file, start, start + count)) {
    let rest = chunk
    while (rest.length > 0) {
      if (res.destroyed) return
      let piece = rest.subarray(0, Math.min(rest.length, slice))
      const stall = faults.stall
      if (stall && !stalled && sent + piece.length > (stall.afterBytes ?? 0)) {
        piece = piece.subarray(0, Math.max(0, (stall.afterBytes ?? 0) - sent))
        if (piece.length === 0) {
          stalled = true
          await (stall.ms === undefined ? gone : Promise.race([sleep(stall.ms), gone]))
          continue
        }
      }
      const reset = faults.resetAfter
      if (reset !== undefined && sent + piece.length >= reset) {
        const last = piece.subarray(0, reset - sent)
        if (last.length > 0) {
          res.write(last)
          rt.stats.bytesServed += last.length
        }
        setImmediate(() => res.socket?.destroy())
        return
      }
      const flushed = res.write(piece)
      sent += piece.length
      rt.stats.bytesServed += piece.length
      rest = rest.subarray(piece.length)
      if (!flushed) await drainOrClose(res)
      if (rate > 0) {
        const ahead = (sent / rate) * 1000 - (Date.now() - began)
        if (ahead > 0) await Promise.race([sleep(ahead), gone])
      }
    }
  }
  if ((faults.wrongLengthDelta ?? 0) > 0) {
    setImmediate(() => res.socket?.destroy())
    return
  }
  res.end()
}

/** `GET|HEAD /<p|c><digits>`: serves the file a token points to. */
export async function handleDownload(
  rt: EmulatorRuntime,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  path: string,
): Promise<void> {
  const now = Date.now()
  const token = rt.tokens.get(path)
  const countStatus = (status: number): void => {
    rt.stats.downloadStatuses[status] = (rt.stats.downloadStatuses[status] ?? 0) + 1
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed')
  const fault = rt.faults.takeFail(url.pathname, true)
  if (fault) return sendFault(res, fault)
  if (!token) return refuse(res, 404, 'Not Found')
  if (now > token.expiresAt) return refuse(res, 403, 'Lien expiré / Expired link')
  if (token.single && token.used) return refuse(res, 403, 'Lien expiré / Expired link')
  const file = rt.store.files.get(token.fileId)
  if (!file) return refuse(res, 404, 'Not Found')
  if (processingPhase(rt, file, now) !== null) {
    countStatus(404)
    return refuse(res, 404, 'Not Found')
  }
  if (req.method === 'GET') {
    const first = !rt.servedFiles.has(file.id)
    rt.servedFiles.add(file.id)
    const rate = rt.switches.htmlFirstRequestRate
    const kind = rt.faults.takeHtmlPage() ?? (first && rate > 0 && Math.random() < rate ? 'too-fast' : null)
    if (kind) {
      countStatus(kind === 'redirect-db' ? 302 : kind === 'vpn' ? 403 : 200)
      return sendHtmlPage(res, kind)
    }
  }
  const active = rt.connections.get(token.owner) ?? 0
  if (req.method === 'GET' && active >= rt.maxConnections) {
    rt.stats.refusedConnections++
    countStatus(rt.switches.connectionLimitStatus)
    return refuse(res, rt.switches.connectionLimitStatus, 'Too many connections')
  }
  if (req.method === 'GET' && token.single) token.used = true

  const etag = etagOf(file, token.node)
  const lastModified = new Date(file.createdAt).toUTCString()
  const ifRange = req.headers['if-range']
  const rangeApplies = ifRange === undefined || ifRange === etag || ifRange === lastModified
  const range = rangeApplies ? parseRange(req.headers.range, file.size) : undefined
  const inline = token.inline || url.searchParams.has('inline')
  const headers: Record<string, string> = {
    'Content-Type': 'application/octet-stream',
    'Content-Disposition': disposition(file.name, inline),
    'Accept-Ranges': 'bytes',
    ETag: etag,
    'Last-Modified': lastModified,
    'Access-Control-Allow-Origin': '*',
    Server: '[2026-01-01]',
    Connection: 'close',
  }
  if (range === 'unsatisfiable') {
    countStatus(416)
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${file.size}`, 'Content-Length': '0' })
    res.end()
    return
  }
  const start = range?.start ?? 0
  const count = range ? range.end - range.start + 1 : file.size
  const status = range ? 206 : 200
  if (range) headers['Content-Range'] = `bytes ${range.start}-${range.end}/${file.size}`
  const faults = req.method === 'GET' ? rt.faults.takeDownloadFaults() : {}
  const delta = faults.wrongLengthDelta ?? 0
  headers['Content-Length'] = String(Math.max(0, count + delta))
  countStatus(status)
  if (req.method === 'HEAD') {
    res.writeHead(status, headers)
    res.end()
    return
  }
  rt.connections.set(token.owner, active + 1)
  rt.stats.activeConnections++
  rt.stats.peakConnections = Math.max(rt.stats.peakConnections, rt.stats.activeConnections)
  rt.stats.downloads++
  res.once('close', () => {
    rt.connections.set(token.owner, Math.max(0, (rt.connections.get(token.owner) ?? 1) - 1))
    rt.stats.activeConnections = Math.max(0, rt.stats.activeConnections - 1)
  })
  res.writeHead(status, headers)
  await streamBody(rt, res, file, start, delta < 0 ? Math.max(0, count + delta) : count, faults)
}
