import { IncomingMessage } from 'node:http'
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DirectBody, type BodySink } from '../../../src/main/core/transfers/download/direct-body'
import { openBody } from '../../../src/main/core/transfers/download/open-body'
import { syntheticBytes } from '../../emulator/synthetic'

const MiB = 1024 * 1024
const BIG = syntheticBytes(41, 24 * MiB + 4321)
const SMALL = Buffer.from('0123456789abcdefghij')

/** Requests the server received, each with its request line and headers. */
let requests: string[] = []
let server: Server
let origin: string
const sockets = new Set<Socket>()

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** One answer per connection, as 1fichier's download nodes do. */
function head(status: string, headers: Record<string, string>): string {
  return `HTTP/1.1 ${status}\r\n${Object.entries({ ...headers, Connection: 'close' })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`
}

/** Answers by path, writing bytes exactly as each case needs them (a raw socket, not node:http). */
async function answer(socket: Socket, request: string): Promise<void> {
  const path = request.split(' ')[1] ?? ''
  const range = /\r\nrange: bytes=(\d+)-(\d*)\r\n/i.exec(request)
  const start = Number(range?.[1] ?? 0)
  if (path === '/split') {
    // The head one byte per write, then the body in two pieces.
    for (const byte of head('206 Partial Content', {
      'Content-Range': `bytes ${start}-${SMALL.length - 1}/${SMALL.length}`,
      'Content-Length': String(SMALL.length - start),
    })) {
      socket.write(byte, 'latin1')
      await wait(2)
    }
    socket.write(SMALL.subarray(start, start + 3))
    await wait(5)
    socket.end(SMALL.subarray(start + 3))
  } else if (path === '/big') {
    socket.write(head('200 OK', { 'Content-Length': String(BIG.length) }))
    for (let at = 0; at < BIG.length; at += 256 * 1024) {
      if (!socket.write(BIG.subarray(at, at + 256 * 1024))) await new Promise((r) => socket.once('drain', r))
    }
    socket.end()
  } else if (path === '/short') {
    socket.end(
      Buffer.concat([Buffer.from(head('200 OK', { 'Content-Length': '1000' })), BIG.subarray(0, 600)]),
    )
  } else if (path === '/stall') {
    socket.write(
      Buffer.concat([Buffer.from(head('200 OK', { 'Content-Length': '1000' })), BIG.subarray(0, 300)]),
    )
  } else if (path === '/half-head') {
    socket.end('HTTP/1.1 200 OK\r\nContent-Le')
  } else if (path === '/moved') {
    socket.end(head('302 Found', { Location: '/split', 'Content-Length': '0' }))
  } else if (path === '/huge-head') {
    const padding = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`X-Pad-${i}`, 'p'.repeat(1000)]))
    socket.end(head('200 OK', { ...padding, 'Content-Length': String(SMALL.length) }) + SMALL.toString())
  } else if (path === '/chunked') {
    socket.end(
      `${head('200 OK', { 'Transfer-Encoding': 'chunked' })}a\r\n0123456789\r\na\r\nabcdefghij\r\n0\r\n\r\n`,
    )
  } else if (path === '/gzip') {
    socket.end(head('200 OK', { 'Content-Encoding': 'gzip', 'Content-Length': '3' }) + 'xyz')
  } else if (path === '/page') {
    socket.end(head('403 Forbidden', { 'Content-Type': 'text/html' }) + '<html>no</html>')
  }
  // '/silent': never answers.
}

beforeAll(async () => {
  server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => undefined)
    let text = ''
    const onData = (chunk: Buffer) => {
      text += chunk.toString('latin1')
      if (!text.includes('\r\n\r\n')) return
      socket.off('data', onData)
      requests.push(text)
      void answer(socket, text)
    }
    socket.on('data', onData)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  for (const socket of sockets) socket.destroy()
  await new Promise((resolve) => server.close(resolve))
})

beforeEach(() => {
  requests = []
})

const options = (signal = new AbortController().signal, headers: Record<string, string> = {}) => ({
  headers,
  signal,
  connectTimeoutMs: 5000,
  responseTimeoutMs: 5000,
})

/**
 * A sink that keeps everything up to `limit` and copies each block where it belongs once its
 * "write" is done (after `delay()` ms): a block overwritten while in flight would show.
 */
function collector(limit = Infinity, delay: () => number = () => 0) {
  const target = Buffer.alloc(Math.min(limit, BIG.length))
  let taken = 0
  let written = 0
  let next = 0
  const sink: BodySink = {
    take: (bytes) => {
      const kept = Math.min(bytes, limit - taken)
      taken += kept
      return kept
    },
    wantsMore: () => taken < limit,
    throttle: () => null,
    write: async (block) => {
      const at = next
      next += block.length
      const copy = Buffer.from(block)
      await wait(delay())
      // The memory is the connection's: it must still hold what it held when handed over.
      if (!copy.equals(block)) throw new Error(`block at ${at} was overwritten while being written`)
      copy.copy(target, at)
      written += block.length
    },
  }
  return {
    sink,
    target,
    get written() {
      return written
    },
  }
}

async function textOf(body: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of body) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString()
}

describe('DirectBody', () => {
  it('reads a head split across reads, with the range asked, and hands the body over in order', async () => {
    const response = await openBody(`${origin}/split`, options(undefined, { range: 'bytes=5-' }))
    expect(response.body).toBeInstanceOf(DirectBody)
    expect(response.status).toBe(206)
    expect(response.headers['content-range']).toBe('bytes 5-19/20')
    expect(requests[0]).toMatch(/^GET \/split HTTP\/1\.1\r\nHost: 127\.0\.0\.1:\d+\r\nrange: bytes=5-\r\n/)
    const sink = collector(15)
    await (response.body as DirectBody).pipe(sink.sink)
    expect(sink.target.toString()).toBe('56789abcdefghij')
  })

  it('never lets a read overwrite a block still being written, on a slow disk', async () => {
    const response = await openBody(`${origin}/big`, options())
    const sink = collector(Infinity, () => Math.random() * 4)
    await (response.body as DirectBody).pipe(sink.sink)
    expect(sink.written).toBe(BIG.length)
    expect(sink.target.equals(BIG)).toBe(true)
  })

  it('stops at the bytes the sink wants and writes exactly those', async () => {
    const response = await openBody(`${origin}/big`, options())
    const sink = collector(3 * MiB + 17)
    await (response.body as DirectBody).pipe(sink.sink)
    expect(sink.written).toBe(3 * MiB + 17)
    expect(sink.target.equals(BIG.subarray(0, 3 * MiB + 17))).toBe(true)
  })

  it('fails a body shorter than its Content-Length with SHORT_BODY, after writing what came', async () => {
    const response = await openBody(`${origin}/short`, options())
    const sink = collector()
    await expect((response.body as DirectBody).pipe(sink.sink)).rejects.toMatchObject({
      code: 'SHORT_BODY',
      retriable: true,
    })
    expect(sink.written).toBe(600)
    expect(sink.target.subarray(0, 600).equals(BIG.subarray(0, 600))).toBe(true)
  })

  it('stops with the abort reason in the middle of a body, after writing what came', async () => {
    const controller = new AbortController()
    const response = await openBody(`${origin}/stall`, options(controller.signal))
    const sink = collector()
    const piped = (response.body as DirectBody).pipe(sink.sink)
    await wait(100)
    controller.abort(new Error('paused'))
    await expect(piped).rejects.toThrow('paused')
    expect(sink.written).toBe(300)
  })

  it('follows a redirect on a connection of its own', async () => {
    const response = await openBody(`${origin}/moved`, options())
    expect(response.body).toBeInstanceOf(DirectBody)
    expect(response.status).toBe(206)
    expect(requests.map((r) => r.split(' ')[1])).toEqual(['/moved', '/split'])
    const sink = collector(20)
    await (response.body as DirectBody).pipe(sink.sink)
    expect(sink.target.toString()).toBe(SMALL.toString())
  })

  it('hands over a refusal with its head, without reading its body', async () => {
    const response = await openBody(`${origin}/page`, options())
    expect(response.status).toBe(403)
    expect(response.headers['content-type']).toBe('text/html')
    await expect((response.body as DirectBody).pipe(collector().sink)).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
    })
  })

  it('rejects, retriably, an answer cut inside its head', async () => {
    await expect(openBody(`${origin}/half-head`, options())).rejects.toMatchObject({ code: 'ECONNRESET' })
  })

  it('gives up with ETIMEDOUT when the server never answers', async () => {
    await expect(
      openBody(`${origin}/silent`, { ...options(), responseTimeoutMs: 200 }),
    ).rejects.toMatchObject({ code: 'ETIMEDOUT' })
  })
})

describe('what DirectBody leaves to node:http', () => {
  it.each([
    ['a head too large', '/huge-head', SMALL.toString()],
    ['a chunked body', '/chunked', SMALL.toString()],
    ['a compressed body', '/gzip', 'xyz'],
  ])('%s: asked again through node:http', async (_, path, text) => {
    const response = await openBody(`${origin}${path}`, options())
    expect(response.body).toBeInstanceOf(IncomingMessage)
    expect(requests).toHaveLength(2)
    expect(await textOf(response.body as IncomingMessage)).toBe(text)
  })

  it('a proxy in the environment', async () => {
    const saved = process.env.HTTPS_PROXY
    process.env.HTTPS_PROXY = 'http://127.0.0.1:9'
    try {
      const response = await openBody(`${origin}/split`, options())
      expect(response.body).toBeInstanceOf(IncomingMessage)
      expect(requests).toHaveLength(1)
      expect(await textOf(response.body as IncomingMessage)).toBe(SMALL.toString())
    } finally {
      if (saved === undefined) delete process.env.HTTPS_PROXY
      else process.env.HTTPS_PROXY = saved
    }
  })
})
