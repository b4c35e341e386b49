import type { LinkCheck, LinkState } from '../../../shared/model/link-check'
import type { ApiTransport } from './api-transport'
import { FichierError } from './fichier-error'

/** 1fichier's mass link check takes this many links per request (JDownloader's batches). */
export const CHECK_BATCH = 100

/** `<website>/check_links.pl`: 1fichier.com for the real API, the API's own origin for a local stand-in. */
export function checkLinksUrl(apiBase: URL): string {
  const official = /(^|\.)1fichier\.com$/i.test(apiBase.hostname)
  return new URL('/check_links.pl', official ? 'https://1fichier.com' : apiBase.origin).href
}

const STATES: Record<string, LinkState> = {
  'NOT FOUND': 'not-found',
  'BAD LINK': 'bad-link',
  PRIVATE: 'private',
}

/**
 * One answer line, `url;filename;size` or `url;;;NOT FOUND|BAD LINK|PRIVATE`. The name may hold `;`, so the
 * url is the first field and the size (or state) the last.
 */
export function parseCheckLine(line: string): LinkCheck | null {
  const first = line.indexOf(';')
  const last = line.lastIndexOf(';')
  if (first < 0 || last <= first) return null
  const url = line.slice(0, first)
  const name = line.slice(first + 1, last)
  const tail = line.slice(last + 1).trim()
  if (/^\d+$/.test(tail) && name !== '') return { url, state: 'online', name, size: Number(tail) }
  const state = STATES[tail.toUpperCase()]
  return { url, state: state ?? 'unknown', name: null, size: null }
}

/**
 * Checks `urls` with 1fichier's link check, in batches of 100 through the API's pacer (no key, no API
 * budget per link). Every link gets an answer in the order given; one the service did not mention is `unknown`.
 */
export async function checkLinks(
  transport: ApiTransport,
  urls: readonly string[],
  signal?: AbortSignal,
): Promise<LinkCheck[]> {
  const endpoint = checkLinksUrl(transport.base)
  const found = new Map<string, LinkCheck>()
  for (let start = 0; start < urls.length; start += CHECK_BATCH) {
    const batch = urls.slice(start, start + CHECK_BATCH)
    const form = new URLSearchParams()
    for (const url of batch) form.append('links[]', url)
    const response = await transport.website(endpoint, form, signal)
    if (response.statusCode >= 400) {
      throw new FichierError('SERVER', `1fichier's link check answered HTTP ${response.statusCode}.`, {
        httpStatus: response.statusCode,
        retriable: response.statusCode >= 500,
      })
    }
    for (const line of response.body.split(/\r?\n/)) {
      const check = parseCheckLine(line.trim())
      if (check) found.set(check.url, check)
    }
  }
  return urls.map((url) => found.get(url) ?? { url, state: 'unknown', name: null, size: null })
}
