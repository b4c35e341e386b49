import type { IncomingMessage } from 'node:http'

/**
 * The session cookie's name: under TLS the `__Host-` prefix makes the browser refuse it unless it is
 * Secure, for this host only and for every path, so a sibling host cannot plant one.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-fichier-session' : 'fichier-session'
}

/** Every value the request carries for that cookie (a browser may send several of one name). */
export function cookieValues(req: IncomingMessage, name: string): string[] {
  const values: string[] = []
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=')
    if (at < 0 || pair.slice(0, at).trim() !== name) continue
    const value = pair.slice(at + 1).trim()
    if (/^[A-Za-z0-9_-]{1,128}$/.test(value)) values.push(value)
  }
  return values
}

/** The Set-Cookie value for a session id (no Max-Age: the browser drops it when it quits). */
export function sessionCookie(name: string, id: string, secure: boolean): string {
  return `${name}=${id}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`
}

/** The Set-Cookie value that removes the session cookie. */
export function clearedSessionCookie(name: string, secure: boolean): string {
  return `${name}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`
}
