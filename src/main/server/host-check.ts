import { isIP } from 'node:net'

/** The host name of a `Host` header or an origin's host (`name:port`, `[v6]:port`), lower-cased; null when unreadable. */
function hostName(hostPort: string): string | null {
  if (!URL.canParse(`http://${hostPort}`)) return null
  const url = new URL(`http://${hostPort}`)
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return null
  return url.hostname.replace(/^\[|\]$/g, '').toLowerCase()
}

export interface HostPolicy {
  /** The listen host (a name or an IP literal). */
  listenHost: string
  /** Names under which the server is reached (`--public-host`), beside IP literals and `localhost`. */
  publicHosts: readonly string[]
}

/**
 * Whether a request's `Host` names this server. IP literals cannot be rebound, `localhost` is this
 * machine; any other name must be the listen host or one given with `--public-host`, so that a page
 * of another site whose name was pointed at this address (DNS rebinding) is refused.
 */
export function isAllowedHost(hostHeader: string | undefined, policy: HostPolicy): boolean {
  if (!hostHeader) return false
  const name = hostName(hostHeader)
  if (name === null) return false
  if (isIP(name) !== 0 || name === 'localhost') return true
  const known = [policy.listenHost, ...policy.publicHosts].map((host) => host.toLowerCase())
  return known.includes(name)
}

/**
 * Whether a WebSocket's `Origin` is the page this server served: same host and port as the
 * request's (already checked) `Host`. A missing or `null` origin is refused: browsers always send one.
 */
export function isSameOrigin(origin: string | undefined, hostHeader: string | undefined): boolean {
  if (!origin || !hostHeader || !URL.canParse(origin)) return false
  const url = new URL(origin)
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
  if (!URL.canParse(`${url.protocol}//${hostHeader}`)) return false
  const expected = new URL(`${url.protocol}//${hostHeader}`)
  return url.host === expected.host
}
