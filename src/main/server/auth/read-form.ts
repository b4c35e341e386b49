import type { IncomingMessage } from 'node:http'

export type FormResult =
  { ok: true; fields: URLSearchParams } | { ok: false; status: 413 | 415; message: string }

/**
 * An `application/x-www-form-urlencoded` body of at most `maxBytes`. Past the limit reading stops
 * (the rest is left unread: answer with `Connection: close`).
 */
export function readForm(req: IncomingMessage, maxBytes: number): Promise<FormResult> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/x-www-form-urlencoded')
    return Promise.resolve({
      ok: false,
      status: 415,
      message: 'Send the form as application/x-www-form-urlencoded.',
    })
  const tooLarge: FormResult = {
    ok: false,
    status: 413,
    message: `The form is larger than ${maxBytes} bytes.`,
  }
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return Promise.resolve(tooLarge)
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= maxBytes) {
        chunks.push(chunk)
        return
      }
      req.off('data', onData)
      req.pause()
      resolve(tooLarge)
    }
    req.on('data', onData)
    req.once('end', () =>
      resolve({ ok: true, fields: new URLSearchParams(Buffer.concat(chunks).toString('utf8')) }),
    )
    req.once('error', reject)
  })
}
