import type { ServerResponse } from 'node:http'

function shuffled(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shuffled)
  if (value === null || typeof value !== 'object') return value
  const entries = Object.entries(value as Record<string, unknown>)
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    const swap = entries[i] as [string, unknown]
    entries[i] = entries[j] as [string, unknown]
    entries[j] = swap
  }
  return Object.fromEntries(entries.map(([key, inner]) => [key, shuffled(inner)]))
}

export interface JsonReplyOptions {
  pretty?: boolean
  shuffleKeys?: boolean
  headers?: Record<string, string>
}

/** Sends a JSON answer the way the API host does (`application/json; charset=utf-8`, `Server: nginx`). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  options: JsonReplyOptions = {},
): void {
  const value = options.shuffleKeys ? shuffled(body) : body
  const text = options.pretty ? JSON.stringify(value, null, 4) : JSON.stringify(value)
  const payload = Buffer.from(text, 'utf8')
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(payload.length),
    Server: 'nginx',
    ...options.headers,
  })
  res.end(payload)
}

/** Sends a small HTML page. */
export function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string> = {},
): void {
  const payload = Buffer.from(html, 'utf8')
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(payload.length),
    Server: 'nginx',
    ...headers,
  })
  res.end(payload)
}

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
