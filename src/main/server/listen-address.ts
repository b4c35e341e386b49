import { isIP } from 'node:net'

/** Where the server listens: a host name or IP literal (IPv6 without brackets) and a port. */
export interface ListenAddress {
  host: string
  port: number
}

export const DEFAULT_LISTEN: ListenAddress = { host: '127.0.0.1', port: 8383 }

/**
 * Reads `HOST:PORT`, `[IPv6]:PORT`, `HOST` or `:PORT` (the missing half takes its default).
 * Null when the text is none of these; the caller says so with the value it was given.
 */
export function parseListenAddress(text: string): ListenAddress | null {
  const trimmed = text.trim()
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s]*))(?::(\d{1,5}))?$/.exec(trimmed)
  if (!match) return null
  const host = match[1] ?? match[2] ?? ''
  if (match[1] !== undefined && isIP(match[1]) !== 6) return null
  const port = match[3] === undefined ? DEFAULT_LISTEN.port : Number(match[3])
  if (!Number.isInteger(port) || port < 0 || port > 65535) return null
  if (host === '' && match[3] === undefined) return null
  return { host: host === '' ? DEFAULT_LISTEN.host : host, port }
}

/** True for the loopback interface only: 127.0.0.0/8, ::1 and `localhost`. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase()
  if (bare === 'localhost' || bare === '::1') return true
  if (isIP(bare) === 4) return bare.startsWith('127.')
  return bare.startsWith('::ffff:127.')
}

/** `127.0.0.1:8383`, `[::1]:8383`: the host as it appears in a URL. */
export function formatHostPort(host: string, port: number): string {
  return `${isIP(host) === 6 ? `[${host}]` : host}:${port}`
}
