import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { whirlpool } from '../../emulator'
import { PREMIUM_KEY, startEmulated } from './emulated-client'
import type { Emulated } from './emulated-client'

let env: Emulated
let dir: string
beforeAll(async () => {
  env = await startEmulated({ emulator: { strictMultipart: true } })
  dir = mkdtempSync(join(tmpdir(), 'fichier-upload-'))
})
afterAll(async () => {
  await env.close()
  rmSync(dir, { recursive: true, force: true })
})

const fileWith = (name: string, content: Buffer | string): string => {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

describe('upload', () => {
  it('uploads a file into a folder on a fresh node, reporting progress, and returns the link', async () => {
    const content = Buffer.alloc(3_000_000, 7)
    const path = fileWith('data.bin', content)
    const folder = env.emulator.control.createFolder({ key: PREMIUM_KEY, name: 'uploads' })
    const progress: number[] = []
    const nodes: Array<[string, string]> = []
    const result = await env.client.upload(
      { path, name: 'Résumé "final".bin' },
      {
        folderId: folder.id,
        onProgress: (sent) => progress.push(sent),
        onNode: (node, xid) => void nodes.push([node, xid]),
      },
    )
    // 1fichier refuses `"` in names: it is sent as its full-width look-alike, as rclone does.
    expect(result.filename).toBe('Résumé ＂final＂.bin')
    expect(result.size).toBe(content.length)
    expect(result.whirlpool).toBe(await whirlpool(content))
    expect(result.link).toMatch(/^https:\/\/1fichier\.com\/\?[a-z0-9]{20}$/)
    expect(result.removeLink).toBe('')
    expect(nodes).toEqual([[result.node, result.xid]])
    expect(progress.at(-1)).toBe(content.length)
    expect(progress.length).toBeGreaterThan(1)
    const stored = env.emulator.control.listFiles(PREMIUM_KEY).find((f) => result.link.endsWith(f.id))
    expect(stored?.folderId).toBe(folder.id)
    expect(env.emulator.control.readFile(PREMIUM_KEY, stored?.id ?? '').equals(content)).toBe(true)

    // The journaled node + xid give the same result again.
    const collected = await env.client.collectUpload(result.node, result.xid)
    expect(collected?.link).toBe(result.link)
    expect(await env.client.collectUpload(result.node, 'NoSuchXid1', { attempts: 2 })).toBeNull()
  })

  it('uploads from a stream of known size', async () => {
    const result = await env.client.upload({
      stream: Readable.from([Buffer.from('abc'), Buffer.from('def')]),
      size: 6,
      name: 's.txt',
    })
    expect(result.size).toBe(6)
    expect(result.whirlpool).toBe(await whirlpool(Buffer.from('abcdef')))
  })

  it('keeps reading end.pl while it shows the wait page or no links', async () => {
    env.emulator.control.endPlWait(2)
    env.emulator.control.endPlEmptyLinks(2)
    const result = await env.client.upload({ path: fileWith('wait.txt', 'patience') })
    expect(result.filename).toBe('wait.txt')
    expect(env.emulator.control.stats().requests['/end.pl']).toBeGreaterThanOrEqual(5)
  })

  it('restarts on a fresh node when the node loses the file', async () => {
    env.emulator.control.loseUploadNode(1)
    const nodes: string[] = []
    const result = await env.client.upload(
      { path: fileWith('retry.txt', 'again') },
      { onNode: (_node, xid) => void nodes.push(xid) },
    )
    expect(nodes).toHaveLength(2)
    expect(nodes[0]).not.toBe(nodes[1])
    expect(result.xid).toBe(nodes[1])
    expect(env.emulator.control.listFiles(PREMIUM_KEY).filter((f) => f.name === 'retry.txt')).toHaveLength(1)
  })

  it('accepts a node that answers 200 with the report page instead of the 302', async () => {
    env.emulator.control.setSwitches({ uploadSuccessStatus: 200 })
    try {
      const result = await env.client.upload({ path: fileWith('two-hundred.txt', '200') })
      expect(result.filename).toBe('two-hundred.txt')
    } finally {
      env.emulator.control.setSwitches({ uploadSuccessStatus: 302 })
    }
  })

  it('reports a refused upload without retrying when the request itself was wrong', async () => {
    env.emulator.control.failNext({
      path: '/upload.cgi',
      status: 200,
      body: '<html><body><div class="bloc2">Pas de fichier trouvé dans l\'envoi</div></body></html>',
      headers: { 'content-type': 'text/html' },
    })
    const nodes: string[] = []
    await expect(
      env.client.upload({ path: fileWith('refused.txt', 'no') }, { onNode: (node) => void nodes.push(node) }),
    ).rejects.toMatchObject({
      code: 'PROTOCOL',
    })
    expect(nodes).toHaveLength(1)
  })

  it('cancels mid-upload', async () => {
    const path = fileWith('big.bin', Buffer.alloc(8 * 1024 * 1024, 1))
    const controller = new AbortController()
    const attempt = env.client.upload(
      { path },
      {
        signal: controller.signal,
        throttle: async () => new Promise((resolve) => setTimeout(resolve, 5)),
        onProgress: (sent) => {
          if (sent >= 2 * 1024 * 1024) controller.abort(new Error('user cancelled'))
        },
      },
    )
    await expect(attempt).rejects.toThrow('user cancelled')
    expect(env.emulator.control.listFiles(PREMIUM_KEY).some((f) => f.name === 'big.bin')).toBe(false)
  })
})

describe('upload wire format', () => {
  it('sends did before file[], quoted names, an unquoted boundary, no part Content-Type and an exact Content-Length', async () => {
    let raw = Buffer.alloc(0)
    let headers: Record<string, string | string[] | undefined> = {}
    const node = createServer((req, res) => {
      if (req.url?.startsWith('/upload.cgi')) {
        headers = req.headers
        const chunks: Buffer[] = []
        req.on('data', (c: Buffer) => chunks.push(c))
        req.on('end', () => {
          raw = Buffer.concat(chunks)
          res.writeHead(302, { location: '/end.pl?xid=Capture123' }).end('Moved')
        })
        return
      }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({
          incoming: 0,
          links: [
            {
              download: 'https://1fichier.com/?abc',
              filename: 'w.txt',
              size: '5',
              whirlpool: 'f'.repeat(128),
              remove: '',
            },
          ],
        }),
      )
    })
    await new Promise<void>((resolve) => node.listen(0, '127.0.0.1', resolve))
    try {
      const port = (node.address() as AddressInfo).port
      env.emulator.control.failNext({
        path: '/v1/upload/get_upload_server.cgi',
        status: 200,
        body: { url: `127.0.0.1:${port}`, id: 'Capture123' },
      })
      const result = await env.client.upload({ path: fileWith('w.txt', 'hello') }, { folderId: 42 })
      expect(result).toMatchObject({
        link: 'https://1fichier.com/?abc',
        size: 5,
        node: `127.0.0.1:${port}`,
        xid: 'Capture123',
      })
      const contentType = String(headers['content-type'])
      const boundary = /^multipart\/form-data; boundary=([^";\s]+)$/.exec(contentType)?.[1]
      expect(boundary).toBeDefined()
      expect(Number(headers['content-length'])).toBe(raw.length)
      expect(headers.authorization).toBe(`Bearer ${PREMIUM_KEY}`)
      const text = raw.toString('latin1')
      expect(text).toBe(
        `--${boundary}\r\nContent-Disposition: form-data; name="did"\r\n\r\n42\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file[]"; filename="w.txt"\r\n\r\nhello\r\n` +
          `--${boundary}--\r\n\r\n`,
      )
    } finally {
      node.close()
    }
  })
})
