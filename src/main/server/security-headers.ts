import type { ServerResponse } from 'node:http'
import { CONTENT_SECURITY_POLICY } from '../app/content-security-policy'

/**
 * The app window's policy for a page served over HTTP: the same directives, with the page's own
 * WebSocket named in `connect-src` (browsers that predate CSP level 3 do not count ws: as 'self').
 */
export function servedContentSecurityPolicy(host: string, tls: boolean): string {
  const socket = `${tls ? 'wss' : 'ws'}://${host}`
  return CONTENT_SECURITY_POLICY.split('; ')
    .map((directive) => (directive === "connect-src 'self'" ? `${directive} ${socket}` : directive))
    .join('; ')
}

/** Set on every response before anything else writes it. */
export function setSecurityHeaders(res: ServerResponse, host: string, tls: boolean): void {
  res.setHeader('Content-Security-Policy', servedContentSecurityPolicy(host, tls))
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  if (tls) res.setHeader('Strict-Transport-Security', 'max-age=31536000')
}
