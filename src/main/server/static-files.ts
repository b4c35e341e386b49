import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { pipeline } from 'node:stream/promises'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
}

/** Answers a short plain-text error. */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  })
  res.end(`${text}\n`)
}

/**
 * The page's own `<meta>` policy is dropped: the header carries the same one (with the page's
 * WebSocket, and `frame-ancestors`, which a tag cannot state), and two policies would both apply.
 */
function withoutPolicyTag(html: string): string {
  return html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*/i, '')
}

/** The file under `root` that a URL path names, or null when it names none (or tries to leave root). */
function filePath(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
  const full = normalize(join(root, relative))
  return full.startsWith(root.endsWith(sep) ? root : `${root}${sep}`) ? full : null
}

/**
 * Serves the built renderer from `root`: GET and HEAD only, files inside root only (no listing,
 * no dot-dot), `index.html` for `/`. Hashed assets are cached for long, the page is revalidated.
 */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, `${req.method ?? 'This method'} is not allowed here.`, { Allow: 'GET, HEAD' })
    return
  }
  const path = filePath(root, new URL(req.url ?? '/', 'http://x').pathname)
  const info = path ? await stat(path).catch(() => null) : null
  if (!path || !info?.isFile()) {
    sendText(res, 404, 'Not found.')
    return
  }
  const type = CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
  if (path === join(root, 'index.html')) {
    const page = withoutPolicyTag(await readFile(path, 'utf8'))
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': String(Buffer.byteLength(page)),
      'Cache-Control': 'no-cache',
    })
    res.end(req.method === 'HEAD' ? undefined : page)
    return
  }
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': String(info.size),
    'Cache-Control': path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  await pipeline(createReadStream(path), res).catch(() => res.destroy())
}
