import { canonicalFileUrl, canonicalFolderUrl } from './canonical-url'
import { fichierDomainOf, type FichierDomain } from './fichier-domains'

/** What one URL-looking piece of text turned out to be. */
export type LinkMatch =
  | { kind: 'file'; url: string; id: string; domain: FichierDomain }
  | { kind: 'folder'; url: string; id: string; domain: FichierDomain }
  | { kind: 'rejected'; reason: string }

const MIN_ID = 5
const MAX_ID = 20

/**
 * Classifies one URL (with or without scheme) as a 1fichier file link (`https://1fichier.com/?<id>`,
 * old-style `http://<id>.1fichier.com/`, any of the 11 domains, `www.` or not, with query noise such
 * as `&af=`, `&lg=`, `&e=`), a folder link (`/dir/<id>`, optionally after a language segment such as
 * `/en`), or a rejection with its reason.
 */
export function parseLink(candidate: string): LinkMatch {
  let rest = candidate.trim()
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(rest)
  if (scheme) rest = rest.slice(scheme[0].length)
  const hostEnd = rest.search(/[/?#]/)
  const authority = hostEnd < 0 ? rest : rest.slice(0, hostEnd)
  const tail = hostEnd < 0 ? '' : rest.slice(hostEnd)
  const host = authority
    .replace(/^[^@]*@/, '')
    .replace(/:\d*$/, '')
    .toLowerCase()
    .replace(/\.$/, '')

  const domain = fichierDomainOf(host)
  if (!domain) return reject(`not a 1fichier domain (${host || 'no host'})`)
  const protocol = scheme?.[1]?.toLowerCase()
  if (protocol !== undefined && protocol !== 'http' && protocol !== 'https')
    return reject(`unsupported scheme ${protocol}://`)

  const sub = host === domain ? '' : host.slice(0, host.length - domain.length - 1)
  if (sub !== '' && sub !== 'www') return parseOldStyle(sub, domain, host)

  const queryStart = tail.indexOf('?')
  const fragmentStart = tail.indexOf('#')
  const pathEnd = minIndex(queryStart, fragmentStart, tail.length)
  const path = tail.slice(0, pathEnd).replace(/^\/[a-z]{2}(?=\/|$)/i, '')
  const query =
    queryStart >= 0 && (fragmentStart < 0 || queryStart < fragmentStart)
      ? tail.slice(queryStart + 1, fragmentStart > queryStart ? fragmentStart : undefined)
      : ''

  const folder = /^\/dir(?:\/([^/]*))?\/?$/i.exec(path)
  if (folder) {
    const id = folder[1] ?? ''
    if (id === '') return reject('missing folder id')
    if (!/^[a-z0-9]+$/i.test(id)) return reject(`invalid characters in folder id "${id}"`)
    return { kind: 'folder', url: canonicalFolderUrl(domain, id), id, domain }
  }
  if (path !== '' && path !== '/') return reject(`not a file or folder link (path ${path})`)

  const first = query.split('&')[0] ?? ''
  if (first === '' || first.includes('=')) return reject('missing file id')
  return fileFromId(first, domain)
}

function parseOldStyle(sub: string, domain: FichierDomain, host: string): LinkMatch {
  if (/^a-\d+$/.test(sub)) return reject(`direct download link (${host}), not a public file link`)
  if (!/^[a-z0-9]+$/.test(sub) || sub.length < MIN_ID) return reject(`not a public file link (${host})`)
  return fileFromId(sub, domain)
}

function fileFromId(raw: string, domain: FichierDomain): LinkMatch {
  const id = raw.toLowerCase()
  if (!/^[a-z0-9]+$/.test(id)) return reject(`invalid characters in file id "${raw}"`)
  if (id.length < MIN_ID)
    return reject(`id too short (${id.length} characters, ${MIN_ID}–${MAX_ID} expected)`)
  if (id.length > MAX_ID) return reject(`id too long (${id.length} characters, ${MIN_ID}–${MAX_ID} expected)`)
  return { kind: 'file', url: canonicalFileUrl(domain, id), id, domain }
}

function reject(reason: string): LinkMatch {
  return { kind: 'rejected', reason }
}

function minIndex(a: number, b: number, fallback: number): number {
  const found = [a, b].filter((index) => index >= 0)
  return found.length === 0 ? fallback : Math.min(...found)
}
