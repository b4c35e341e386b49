import type { IncomingHttpHeaders } from 'node:http'

/**
 * False when a state-changing request comes from another site (cross-site request forgery): its
 * `Origin` names another host than the one asked (or is "null"), or `Sec-Fetch-Site` says
 * cross-site or same-site. A request with neither header (curl, a script) is not a browser's and passes;
 * `Sec-Fetch-Site: same-origin` passes whatever the `Origin` (null under `Referrer-Policy: no-referrer`).
 */
export function isSameOrigin(headers: IncomingHttpHeaders): boolean {
  const site = headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false
  // The browser says so itself (a page cannot set Sec-Fetch-*); its Origin is then "null" when the
  // page's Referrer-Policy is no-referrer, as every page of this server's is.
  if (site === 'same-origin') return true
  const origin = headers.origin
  if (origin === undefined) return true
  const host = headers.host
  if (!host) return false
  try {
    const from = new URL(origin)
    if (from.protocol !== 'http:' && from.protocol !== 'https:') return false
    // The Host header read with the Origin's scheme, so that default ports compare equal.
    return new URL(`${from.protocol}//${host}`).host === from.host
  } catch {
    return false
  }
}
