import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'

export interface RangeResponse {
  status: number
  headers: IncomingHttpHeaders
  /** The body as the socket delivers it; destroy it to drop the connection. */
  body: IncomingMessage
}

export interface RangeRequestOptions {
  headers: Record<string, string>
  signal: AbortSignal
  /** Until the connection is open. */
  connectTimeoutMs: number
  /** From the connection being open to the response headers. */
  responseTimeoutMs: number
}

export function timeoutError(what: string, ms: number): Error {
  return Object.assign(new Error(`The download server did not ${what} within ${ms} ms.`), {
    code: 'ETIMEDOUT',
  })
}

export const REDIRECTS = new Set([301, 302, 303, 307, 308])
export const MAX_REDIRECTS = 5

/**
 * One GET for a download body with node:http(s), nothing decoded, no retry; redirects are followed
 * (a few hops, same headers). The response is handed over as soon as its headers arrive, whatever
 * its status. Bodies go through node:http rather than the API client's HTTP library because that
 * library's stream layer (a zero-high-water-mark proxy stream that pauses the socket for every
 * chunk) costs several times the CPU of reading the body with node:http.
 */
export async function openRange(
  url: string,
  options: RangeRequestOptions,
  hops = MAX_REDIRECTS,
): Promise<RangeResponse> {
  const response = await requestOnce(url, options)
  const location = response.headers.location
  if (!REDIRECTS.has(response.status) || !location || hops <= 0) return response
  response.body.destroy()
  return openRange(new URL(location, url).toString(), options, hops - 1)
}

function requestOnce(url: string, options: RangeRequestOptions): Promise<RangeResponse> {
  return new Promise((resolve, reject) => {
    const target = new URL(url)
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest
    const request = send(target, {
      method: 'GET',
      headers: options.headers,
      signal: options.signal,
    })
    let timer = setTimeout(
      () => request.destroy(timeoutError('accept the connection', options.connectTimeoutMs)),
      options.connectTimeoutMs,
    )
    const awaitResponse = () => {
      clearTimeout(timer)
      timer = setTimeout(
        () => request.destroy(timeoutError('answer', options.responseTimeoutMs)),
        options.responseTimeoutMs,
      )
    }
    request.once('socket', (socket) => {
      // A kept-alive socket is already connected.
      if (socket.connecting) socket.once('connect', awaitResponse)
      else awaitResponse()
    })
    request.once('response', (response) => {
      clearTimeout(timer)
      resolve({ status: response.statusCode ?? 0, headers: response.headers, body: response })
    })
    // Kept for the request's whole life: a late socket error must not go unhandled.
    request.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    request.end()
  })
}
