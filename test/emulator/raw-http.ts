import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { request as httpsRequest } from 'node:https'

export interface RawResponse {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
  text: string
  json: unknown
}

export interface RawRequest {
  method?: string
  headers?: Record<string, string>
  body?: Buffer | string
  /** Accept self-signed certificates. */
  insecure?: boolean
  /** Trust this certificate authority (PEM) besides the system's. */
  ca?: Buffer
}

/** One HTTP(S) exchange with node:http, nothing added: the bytes the server sends come back as they are. */
export function rawRequest(url: string, options: RawRequest = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const target = new URL(url)
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest
    const body = typeof options.body === 'string' ? Buffer.from(options.body, 'utf8') : options.body
    const headers: Record<string, string> = { ...options.headers }
    if (body && headers['Content-Length'] === undefined) headers['Content-Length'] = String(body.length)
    const req = send(
      target,
      {
        method: options.method ?? 'GET',
        headers,
        agent: false,
        ...(options.insecure ? { rejectUnauthorized: false } : {}),
        ...(options.ca ? { ca: options.ca } : {}),
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', reject)
        res.on('end', () => {
          const all = Buffer.concat(chunks)
          const text = all.toString('utf8')
          let json: unknown
          try {
            json = JSON.parse(text)
          } catch {
            json = undefined
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: all, text, json })
        })
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** A JSON API call as the real clients make it (POST, JSON content type, Bearer key). */
export function apiCall(
  apiUrl: string,
  action: string,
  body: unknown,
  key?: string,
  extra: RawRequest = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...extra.headers }
  if (key) headers.Authorization = `Bearer ${key}`
  return rawRequest(`${apiUrl}/${action}`, {
    method: 'POST',
    ...extra,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
}

/** A JSON object view of a response (throws when it is not one). */
export function jsonOf(response: RawResponse): Record<string, unknown> {
  if (response.json === null || typeof response.json !== 'object')
    throw new Error(`not JSON: ${response.status} ${response.text.slice(0, 200)}`)
  return response.json as Record<string, unknown>
}

export interface MultipartPart {
  name: string
  value: string | Buffer
  filename?: string
  /** Raw extra header lines for the part. */
  headers?: string[]
}

/** Builds a multipart body by hand, so tests control every byte (boundary quoting, part order, headers). */
export function multipartBody(boundary: string, parts: MultipartPart[]): Buffer {
  const pieces: Buffer[] = []
  for (const part of parts) {
    const disposition = `Content-Disposition: form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`
    const head = [`--${boundary}`, disposition, ...(part.headers ?? []), '', ''].join('\r\n')
    pieces.push(
      Buffer.from(head, 'utf8'),
      Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value, 'utf8'),
      Buffer.from('\r\n'),
    )
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`))
  return Buffer.concat(pieces)
}
