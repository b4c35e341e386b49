import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openRange } from '../../../src/main/core/transfers/download/range-request'

const BODY = Buffer.from('0123456789abcdefghij')
let server: Server
let origin: string

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/moved') {
      res.writeHead(302, { location: '/data' }).end('Moved')
      return
    }
    if (req.url === '/data') {
      const match = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '')
      const start = Number(match?.[1] ?? 0)
      const end = match?.[2] ? Number(match[2]) + 1 : BODY.length
      res.writeHead(206, {
        'content-range': `bytes ${start}-${end - 1}/${BODY.length}`,
        'content-length': String(end - start),
      })
      res.end(BODY.subarray(start, end))
      return
    }
    // '/silent': never answers.
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const options = (signal = new AbortController().signal) => ({
  headers: { range: 'bytes=5-9' },
  signal,
  connectTimeoutMs: 5000,
  responseTimeoutMs: 5000,
})

async function text(body: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of body) chunks.push(chunk)
  return Buffer.concat(chunks).toString()
}

describe('openRange', () => {
  it('follows a redirect with the same Range header and hands over the body', async () => {
    const response = await openRange(`${origin}/moved`, options())
    expect(response.status).toBe(206)
    expect(response.headers['content-range']).toBe('bytes 5-9/20')
    expect(await text(response.body)).toBe('56789')
  })

  it('gives up with a retriable ETIMEDOUT when the server never answers', async () => {
    await expect(
      openRange(`${origin}/silent`, { ...options(), responseTimeoutMs: 200 }),
    ).rejects.toMatchObject({ code: 'ETIMEDOUT' })
  })

  it('rejects with the abort when the caller aborts before the answer', async () => {
    const controller = new AbortController()
    const pending = openRange(`${origin}/silent`, options(controller.signal))
    controller.abort(new Error('paused'))
    await expect(pending).rejects.toThrow()
  })
})
