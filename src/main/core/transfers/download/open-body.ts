import type { IncomingMessage } from 'node:http'
import { DirectBody } from './direct-body'
import type { ResponseHeaders } from './download-response'
import { MAX_REDIRECTS, openRange, REDIRECTS, type RangeRequestOptions } from './range-request'

/** A download body: read into reused memory (`DirectBody`), or node:http's stream for the rest. */
export type RangeBody = DirectBody | IncomingMessage

export interface BodyResponse {
  status: number
  headers: ResponseHeaders
  body: RangeBody
}

const PROXY_VARIABLES = ['http_proxy', 'https_proxy', 'all_proxy']

/** A proxy set in the environment: such setups are left to node:http. */
function proxied(): boolean {
  return PROXY_VARIABLES.some((name) => process.env[name] || process.env[name.toUpperCase()])
}

/**
 * One GET for a download body, redirects followed (a few hops, same headers), handed over once the
 * head arrives whatever its status. Read by `DirectBody` when it can; anything it does not take
 * (a proxy in the environment, chunked or compressed bodies, an unusual head) goes through
 * `openRange`, on node:http.
 */
export async function openBody(
  url: string,
  options: RangeRequestOptions,
  hops = MAX_REDIRECTS,
): Promise<BodyResponse> {
  const target = new URL(url)
  const readable = !proxied() && (target.protocol === 'http:' || target.protocol === 'https:')
  const direct = readable ? await DirectBody.open(target, options) : null
  if (!direct) return openRange(url, options, hops)
  const location = direct.headers['location']
  if (!REDIRECTS.has(direct.status) || !location || hops <= 0) return direct
  direct.body.destroy()
  return openBody(new URL(location, url).toString(), options, hops - 1)
}
