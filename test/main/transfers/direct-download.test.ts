import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { syntheticBytes } from '../../emulator/synthetic'
import { FichierClient } from '../../../src/main/core/fichier/fichier-client'
import { systemClock } from '../../../src/main/core/lib/clock'
import { whirlpoolOfFile } from '../../../src/main/core/fichier/whirlpool'
import { ConnectionBudget } from '../../../src/main/core/transfers/download/connection-budget'
import { DownloadJob } from '../../../src/main/core/transfers/download/download-job'
import { TokenBucket } from '../../../src/main/core/transfers/token-bucket'

const KEY = 'DirKeyDirKeyDirKeyDirKeyDirKey01'
const MiB = 1024 * 1024

let emulator: RunningEmulator
let client: FichierClient
let dir: string

/** A download node scripted answer by answer, on a raw socket: what each request gets. */
type Answer = 'file' | 'short' | 'chunked'
const FILE = syntheticBytes(90, 5 * MiB + 3)
const SHORT_BYTES = MiB + 5
let plan: Answer[] = []
let heads: string[] = []
let node: Server
let nodeUrl: string

function serve(socket: Socket, request: string): void {
  const range = /\r\nrange: bytes=(\d+)-(\d*)\r\n/i.exec(request)
  const start = Number(range?.[1] ?? 0)
  const end = range?.[2] ? Number(range[2]) + 1 : FILE.length
  const body = FILE.subarray(start, end)
  const answer = plan.shift() ?? 'file'
  const fields = [
    'HTTP/1.1 206 Partial Content',
    'Content-Type: application/octet-stream',
    'Content-Disposition: attachment; filename="node.bin"',
    `Content-Range: bytes ${start}-${end - 1}/${FILE.length}`,
    answer === 'chunked' ? 'Transfer-Encoding: chunked' : `Content-Length: ${body.length}`,
    'Connection: close',
  ]
  socket.write(`${fields.join('\r\n')}\r\n\r\n`)
  if (answer === 'short') {
    socket.end(body.subarray(0, SHORT_BYTES))
  } else if (answer === 'chunked') {
    for (let at = 0; at < body.length; at += 64 * 1024) {
      const piece = body.subarray(at, at + 64 * 1024)
      socket.write(`${piece.length.toString(16)}\r\n`)
      socket.write(piece)
      socket.write('\r\n')
    }
    socket.end('0\r\n\r\n')
  } else socket.end(body)
}

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
  client = new FichierClient({ baseUrl: emulator.apiUrl, getKey: () => KEY, callsPerSecond: 100 })
  dir = await mkdtemp(join(tmpdir(), 'fd-direct-'))
  node = createServer((socket) => {
    socket.on('error', () => undefined)
    let text = ''
    const onData = (chunk: Buffer) => {
      text += chunk.toString('latin1')
      if (!text.includes('\r\n\r\n')) return
      socket.off('data', onData)
      heads.push(text)
      serve(socket, text)
    }
    socket.on('data', onData)
  })
  await new Promise<void>((resolve) => node.listen(0, '127.0.0.1', resolve))
  nodeUrl = `http://127.0.0.1:${(node.address() as AddressInfo).port}/p0123456789`
})

afterAll(async () => {
  client.close()
  await emulator.stop()
  await new Promise((resolve) => node.close(resolve))
  await rm(dir, { recursive: true, force: true })
})

beforeEach(() => {
  plan = []
  heads = []
})

/** A job of one connection whose token is the scripted node's URL. */
async function fromNode(): Promise<Buffer> {
  const folder = await mkdtemp(join(dir, 'node-'))
  const outcome = await new DownloadJob(
    { link: 'https://1fichier.com/?node0000000000000', dir: folder, conflict: 'rename', connections: 1 },
    {
      clock: systemClock,
      budget: new ConnectionBudget(30),
      limiter: new TokenBucket(0, systemClock),
      tokenFor: () => Promise.resolve(nodeUrl),
      whirlpoolOfFile,
      reserved: new Set(),
    },
    { onMeta: () => undefined, onBytes: () => undefined },
    new AbortController().signal,
  ).run()
  expect(outcome).toMatchObject({ status: 'completed', name: 'node.bin' })
  return readFile(join(folder, 'node.bin'))
}

/** The engine's limiter, counting what passes through it. */
class CountingBucket extends TokenBucket {
  taken = 0
  override take(bytes: number, signal?: AbortSignal): Promise<void> {
    this.taken += bytes
    return super.take(bytes, signal)
  }
}

describe('downloads read into reused memory', () => {
  it('ask on a connection of their own and write the file byte-identical', async () => {
    expect((await fromNode()).equals(FILE)).toBe(true)
    expect(heads).toHaveLength(1)
    expect(heads[0]).toMatch(/^GET \/p0123456789 HTTP\/1\.1\r\nHost: 127\.0\.0\.1:\d+\r\nrange: bytes=0-\r\n/)
    expect(heads[0]).toContain('\r\nConnection: close\r\n')
  })

  it('keep what a body cut short brought, and ask only for the rest', async () => {
    plan = ['short']
    expect((await fromNode()).equals(FILE)).toBe(true)
    expect(heads.map((head) => /range: (\S+)/.exec(head)?.[1])).toEqual([
      'bytes=0-',
      `bytes=${SHORT_BYTES}-${FILE.length - 1}`,
    ])
  })

  it('take a chunked answer through node:http, asking again', async () => {
    plan = ['chunked', 'chunked']
    expect((await fromNode()).equals(FILE)).toBe(true)
    expect(heads).toHaveLength(2)
    expect(heads[0]).toContain('Connection: close')
    expect(heads[1]).not.toContain('Connection: close')
  })

  it('drop a stalled body after the idle time, keep what it brought and ask for the rest', async () => {
    const size = 5 * MiB
    const file = await emulator.control.createFile({
      key: KEY,
      name: 'stall.bin',
      synthetic: { size, seed: 78 },
    })
    emulator.control.resetStats()
    emulator.control.stallNext({ path: 'download', afterBytes: 2 * MiB })
    const outcome = await new DownloadJob(
      { link: file.url, dir, conflict: 'rename', connections: 1 },
      {
        clock: systemClock,
        budget: new ConnectionBudget(30),
        limiter: new TokenBucket(0, systemClock),
        tokenFor: async (link, _password, signal) => (await client.downloadToken(link, { signal })).url,
        whirlpoolOfFile,
        reserved: new Set(),
        idleTimeoutMs: 500,
      },
      { onMeta: () => undefined, onBytes: () => undefined },
      new AbortController().signal,
    ).run()
    expect(outcome.status).toBe('completed')
    expect((await readFile(join(dir, 'stall.bin'))).equals(syntheticBytes(78, size))).toBe(true)
    const stats = emulator.control.stats()
    expect(stats.downloads).toBe(2)
    expect(stats.bytesServed).toBe(size)
  })

  it('pass every byte through the shared speed limit, and end byte-identical', async () => {
    const size = 3 * MiB + 99
    const file = await emulator.control.createFile({
      key: KEY,
      name: 'limited.bin',
      synthetic: { size, seed: 77 },
    })
    const limiter = new CountingBucket(16 * MiB, systemClock)
    const outcome = await new DownloadJob(
      { link: file.url, dir, conflict: 'rename', connections: 2, minSegment: 256 * 1024 },
      {
        clock: systemClock,
        budget: new ConnectionBudget(30),
        limiter,
        tokenFor: async (link, _password, signal) => (await client.downloadToken(link, { signal })).url,
        whirlpoolOfFile,
        reserved: new Set(),
      },
      { onMeta: () => undefined, onBytes: () => undefined },
      new AbortController().signal,
    ).run()
    expect(outcome.status).toBe('completed')
    expect((await readFile(join(dir, 'limited.bin'))).equals(syntheticBytes(77, size))).toBe(true)
    expect(limiter.taken).toBe(size)
  })
})
