import type { IncomingHttpHeaders } from 'node:http'

/**
 * False when a state-changing request comes from another site (cross-site request forgery).
 * `Sec-Fetch-Site`, which a page cannot forge, decides when the browser sends it: `same-origin`
 * (or `none`, the user's own action) passes. Without it, `Origin` must name the host asked; a
 * request with neither header (curl, a script) is not a browser's and passes. `Origin` alone is not
 * enough: under `Referrer-Policy: no-referrer` a browser sends `Origin: null` for its own page's posts.
 */
export function isSameOrigin(headers: IncomingHttpHeaders): boolean {
  const site = headers['sec-fetch-site']
  if (site !== undefined) return site === 'same-origin' || site === 'none'
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
