import { REMOTE_HEADER_NAME, REMOTE_HEADER_VALUE } from '../../../shared/model/intake'

/** What the remote-upload dialog found in the pasted text. */
export interface RemoteUploadUrls {
  /** http(s) URLs, each once, in the order given. */
  urls: string[]
  /** Words that look like links but are not http(s) URLs 1fichier can fetch. */
  refused: string[]
}

/** 1fichier takes at most this many URLs per request; the engine batches, the dialog caps one paste. */
export const MAX_REMOTE_URLS = 1000

/**
 * The URLs in `text`: every whitespace-separated word that parses as an http(s) URL with a host, trailing
 * punctuation of prose removed (`https://a.b/c.zip,` or `(https://…)`). Other words that look like links
 * (`ftp://…`, `www.…`) are listed as refused; plain words are ignored.
 */
export function parseRemoteUploadUrls(text: string): RemoteUploadUrls {
  const urls: string[] = []
  const refused: string[] = []
  const seen = new Set<string>()
  for (const raw of text.split(/\s+/)) {
    const word = raw.replace(/^[(<["']+/, '').replace(/[)>\]"',;.!?]+$/, '')
    if (!word) continue
    let url: URL | null = null
    try {
      url = new URL(word)
    } catch {
      url = null
    }
    if (url && (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname) {
      const href = url.href
      if (!seen.has(href)) {
        seen.add(href)
        urls.push(href)
      }
    } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(word) || /^www\./i.test(word)) {
      refused.push(word)
    }
  }
  return { urls, refused }
}

/** Headers for a remote upload as typed: one `Name: value` per line. */
export interface TypedHeaders {
  headers: Record<string, string>
  /** Lines that are not `Name: value`, or whose name or value 1fichier does not accept. */
  invalid: string[]
}

export function parseRemoteHeaders(text: string): TypedHeaders {
  const headers: Record<string, string> = {}
  const invalid: string[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line) continue
    const colon = line.indexOf(':')
    const name = colon > 0 ? line.slice(0, colon).trim() : ''
    const value = colon > 0 ? line.slice(colon + 1).trim() : ''
    if (!REMOTE_HEADER_NAME.test(name) || !REMOTE_HEADER_VALUE.test(value)) invalid.push(line)
    else headers[name] = value
  }
  return { headers, invalid }
}
