import { readdir, readFile, stat, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createStaging, type Staging } from '../../../../src/main/server/staging/index'
import { put, serveStaging, type StagingServer } from './staging-http'

const LIMIT = 64 * 1024

let state: string
let staging: Staging
let server: StagingServer
const logged: string[] = []

beforeAll(async () => {
  state = await mkdtemp(join(tmpdir(), 'fd-staging-'))
  staging = await createStaging({ stateDir: state, maxBytes: LIMIT, log: (line) => logged.push(line) })
  server = await serveStaging(staging)
})

afterAll(async () => {
  await server.close()
  await rm(state, { recursive: true, force: true })
})

beforeEach(async () => {
  for (const entry of await readdir(staging.dir)) await rm(join(staging.dir, entry), { recursive: true })
})

const staged = async () => readdir(staging.dir)

/** Polls until the staging folder is empty (a cut-off request is noticed by the server a moment later). */
async function untilEmpty(): Promise<void> {
  while ((await staged()).length > 0) await new Promise((resolve) => setTimeout(resolve, 20))
}

describe('PUT /staging/<name>', () => {
  it('stores the body under its own name in a folder of its own, readable by the server only', async () => {
    const body = Buffer.from('a file dropped on the page\n')
    const answer = await put(server.port, `/staging/${encodeURIComponent('Été 2025 (1).txt')}`, {
      headers: { 'X-File-Size': String(body.length), 'Content-Length': String(body.length) },
      chunks: [body],
    })
    expect(answer.status).toBe(201)
    const path = answer.json?.path ?? ''
    expect(path.endsWith('/Été 2025 (1).txt')).toBe(true)
    expect(dirname(dirname(path))).toBe(staging.dir)
    expect(await readFile(path)).toEqual(body)
    expect((await stat(path)).mode & 0o777).toBe(0o600)
    expect((await stat(staging.dir)).mode & 0o777).toBe(0o700)
  })

  it('gives each file of one name a path of its own', async () => {
    const send = (text: string) =>
      put(server.port, '/staging/same.txt', {
        headers: { 'X-File-Size': String(text.length) },
        chunks: [Buffer.from(text)],
      })
    const [first, second] = await Promise.all([send('first'), send('second!')])
    expect(first?.json?.path).not.toBe(second?.json?.path)
    expect(await readFile(first?.json?.path ?? '', 'utf8')).toBe('first')
    expect(await readFile(second?.json?.path ?? '', 'utf8')).toBe('second!')
  })

  it('refuses a file over the limit from its X-File-Size, before a byte of it is sent', async () => {
    const answer = await put(server.port, '/staging/big.iso', {
      headers: { 'X-File-Size': String(LIMIT + 1) },
    })
    expect(answer).toEqual({
      status: 413,
      json: {
        error: { code: 'STAGING_TOO_LARGE', message: expect.stringContaining("over the server's limit") },
      },
    })
    expect(await staged()).toEqual([])
  })

  it('refuses a missing, malformed or zero X-File-Size, and one that Content-Length contradicts', async () => {
    const cases: Record<string, string>[] = [
      {},
      { 'X-File-Size': 'ten' },
      { 'X-File-Size': '0' },
      { 'X-File-Size': '5', 'Content-Length': '3' },
    ]
    const codes = await Promise.all(
      cases.map(
        async (headers) =>
          (await put(server.port, '/staging/a.txt', { headers, chunks: [Buffer.from('abc')] })).json?.error
            ?.code,
      ),
    )
    expect(codes).toEqual([
      'STAGING_SIZE_MISSING',
      'STAGING_SIZE_MISSING',
      'STAGING_EMPTY',
      'STAGING_SIZE_MISMATCH',
    ])
    expect(await staged()).toEqual([])
  })

  it('refuses a body longer than its X-File-Size as soon as it passes it, and keeps nothing', async () => {
    const answer = await put(server.port, '/staging/long.bin', {
      headers: { 'X-File-Size': '10' },
      chunks: [Buffer.alloc(8), Buffer.alloc(8)],
    })
    expect(answer).toMatchObject({ status: 400, json: { error: { code: 'STAGING_SIZE_MISMATCH' } } })
    expect(await staged()).toEqual([])
  })

  it('refuses a body shorter than its X-File-Size, and keeps nothing', async () => {
    const answer = await put(server.port, '/staging/short.bin', {
      headers: { 'X-File-Size': '100' },
      chunks: [Buffer.alloc(40)],
    })
    expect(answer).toEqual({
      status: 400,
      json: {
        error: { code: 'STAGING_INCOMPLETE', message: 'Received 40 of 100 bytes: the file was cut short.' },
      },
    })
    expect(await staged()).toEqual([])
  })

  it('removes the partial file when the page goes away mid-file', async () => {
    const req = request({
      host: '127.0.0.1',
      port: server.port,
      path: '/staging/cut.bin',
      method: 'PUT',
      headers: { 'X-File-Size': String(LIMIT) },
    })
    req.on('error', () => undefined)
    req.write(Buffer.alloc(16 * 1024))
    // The first bytes are on disk before the connection drops.
    while ((await staged()).length === 0) await new Promise((resolve) => setTimeout(resolve, 10))
    req.destroy()
    await untilEmpty()
    expect(logged.some((line) => line.includes('cut off'))).toBe(true)
  })

  it('refuses names that are paths, dots, control characters or badly encoded', async () => {
    const names = ['..', '%2E%2E', 'a%2Fb.txt', '..%5Cwin.ini', 'a%00b', 'bad%E0%A4%A', '%20']
    const codes = await Promise.all(
      names.map(
        async (name) =>
          (
            await put(server.port, `/staging/${name}`, {
              headers: { 'X-File-Size': '1' },
              chunks: [Buffer.from('x')],
            })
          ).json?.error?.code,
      ),
    )
    expect(codes).toEqual(names.map(() => 'STAGING_BAD_NAME'))
    expect(await staged()).toEqual([])
  })

  it('refuses a file sent from another site’s page', async () => {
    const answer = await put(server.port, '/staging/a.txt', {
      headers: { 'X-File-Size': '1', Origin: 'https://evil.example' },
      chunks: [Buffer.from('x')],
    })
    expect(answer).toMatchObject({ status: 403, json: { error: { code: 'STAGING_FOREIGN_ORIGIN' } } })
    const same = await put(server.port, '/staging/a.txt', {
      headers: { 'X-File-Size': '1', Origin: `http://127.0.0.1:${server.port}` },
      chunks: [Buffer.from('x')],
    })
    expect(same.status).toBe(201)
  })

  it('answers only PUT under /staging/, and leaves other paths to the server', async () => {
    expect(await put(server.port, '/staging/a.txt', { method: 'GET', chunks: [] })).toMatchObject({
      status: 405,
      json: { error: { code: 'STAGING_METHOD' } },
    })
    expect((await put(server.port, '/stagingx', { chunks: [] })).status).toBe(404)
  })
})

describe('release', () => {
  it('removes a staged file with its folder, and nothing outside the staging folder', async () => {
    const answer = await put(server.port, '/staging/done.txt', {
      headers: { 'X-File-Size': '4' },
      chunks: [Buffer.from('done')],
    })
    const path = answer.json?.path ?? ''
    await staging.release(path)
    expect(await staged()).toEqual([])
    const mine = join(state, 'mine.txt')
    await writeFile(mine, 'keep me')
    await staging.release(mine)
    await staging.release(join(staging.dir, 'x'))
    expect(await readFile(mine, 'utf8')).toBe('keep me')
  })
})
