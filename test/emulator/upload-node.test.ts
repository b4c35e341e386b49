import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from './index'
import { apiCall, jsonOf, multipartBody, rawRequest, type MultipartPart, type RawResponse } from './raw-http'
import { whirlpool } from './whirlpool'

const KEY = 'UploadKeyUploadKeyUploadKeyUp001'
let em: RunningEmulator

beforeAll(async () => {
  em = await startEmulator({ rateLimits: false, keys: [{ key: KEY, email: 'up@example.com' }] })
})
afterAll(() => em.stop())

async function uploadServer(): Promise<{ url: string; id: string }> {
  const json = jsonOf(await apiCall(em.apiUrl, 'upload/get_upload_server.cgi', undefined))
  return { url: json.url as string, id: json.id as string }
}

async function upload(
  parts: MultipartPart[],
  options: { key?: string; contentType?: string; boundary?: string } = {},
): Promise<{ response: RawResponse; id: string; node: string }> {
  const node = await uploadServer()
  const boundary = options.boundary ?? 'f1e2d3c4b5a69788'
  const headers: Record<string, string> = {
    'Content-Type': options.contentType ?? `multipart/form-data; boundary=${boundary}`,
  }
  if (options.key) headers.Authorization = `Bearer ${options.key}`
  const response = await rawRequest(`http://${node.url}/upload.cgi?id=${node.id}`, {
    method: 'POST',
    headers,
    body: multipartBody(boundary, parts),
  })
  return { response, id: node.id, node: node.url }
}

async function report(
  node: string,
  id: string,
  via: 'header' | 'query' = 'header',
): Promise<Record<string, unknown>> {
  const response =
    via === 'header'
      ? await rawRequest(`http://${node}/end.pl?xid=${id}`, { headers: { JSON: '1' } })
      : await rawRequest(`http://${node}/end.pl?xid=${id}&JSON=1`)
  expect(response.headers['content-type']).toBe('application/json; charset=utf-8')
  return jsonOf(response)
}

describe('upload.cgi', () => {
  it('takes the rclone shape (unquoted boundary, did first, no part Content-Type) and redirects to end.pl', async () => {
    const folder = em.control.createFolder({ key: KEY, name: 'Target' })
    const content = Buffer.from('rclone was here\n')
    const { response, id, node } = await upload(
      [
        { name: 'did', value: String(folder.id) },
        { name: 'file[]', filename: 'rclone.txt', value: content },
      ],
      { key: KEY },
    )
    expect(response.status).toBe(302)
    expect(response.headers.location).toBe(`/end.pl?xid=${id}`)
    expect(response.text).toContain('Moved')
    const json = await report(node, id)
    expect(Object.keys(json).sort()).toEqual(['incoming', 'links'])
    expect(json.incoming).toBe(0)
    const link = (json.links as Record<string, unknown>[])[0]
    expect(link).toEqual({
      download: expect.stringMatching(/^https:\/\/1fichier\.com\/\?[a-z0-9]{20}$/),
      filename: 'rclone.txt',
      size: String(content.length),
      whirlpool: await whirlpool(content),
      remove: '',
    })
    const stored = em.control.listFiles(KEY).find((file) => file.url === link?.download)
    expect(stored?.folderId).toBe(folder.id)
    expect(em.control.readFile(KEY, stored?.id ?? '').equals(content)).toBe(true)
  })

  it('accepts several file[] parts, did after the files, a quoted boundary and part Content-Types', async () => {
    const folder = em.control.createFolder({ key: KEY, name: 'Many' })
    const { response, id, node } = await upload(
      [
        {
          name: 'file[]',
          filename: 'one.bin',
          value: Buffer.alloc(1000, 1),
          headers: ['Content-Type: application/octet-stream'],
        },
        { name: 'file[]', filename: 'deux é.txt', value: 'second' },
        { name: 'did', value: String(folder.id) },
      ],
      { key: KEY, contentType: 'multipart/form-data; boundary="quoted-bound"', boundary: 'quoted-bound' },
    )
    expect(response.status).toBe(302)
    const links = (await report(node, id, 'query')).links as { filename: string; size: string }[]
    expect(links.map((link) => [link.filename, link.size])).toEqual([
      ['one.bin', '1000'],
      ['deux é.txt', '6'],
    ])
    expect(em.control.listFiles(KEY).filter((file) => file.folderId === folder.id)).toHaveLength(2)
  })

  it('puts files in the root when did is invalid, and anonymous uploads get a remove link', async () => {
    const invalid = await upload(
      [
        { name: 'did', value: '987654' },
        { name: 'file[]', filename: 'root.txt', value: 'r' },
      ],
      { key: KEY },
    )
    expect(invalid.response.status).toBe(302)
    const link = ((await report(invalid.node, invalid.id)).links as { download: string }[])[0]
    expect(em.control.listFiles(KEY).find((file) => file.url === link?.download)?.folderId).toBe(0)
    const anonymous = await upload([{ name: 'file[]', filename: 'anon.txt', value: 'a' }])
    const anonLink = ((await report(anonymous.node, anonymous.id)).links as { remove: string }[])[0]
    expect(anonLink?.remove).toMatch(/^https:\/\/1fichier\.com\/remove\/[a-z0-9]{20}\/\w+$/)
  })

  it('refuses a body without a file part with the French HTML message', async () => {
    const { response } = await upload([{ name: 'did', value: '0' }], { key: KEY })
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toContain('text/html')
    expect(response.text).toContain(`<div class="bloc2">Pas de fichier trouvé dans l'envoi</div>`)
  })

  it('drops zero-byte parts by default and keeps them when switched', async () => {
    const { response } = await upload([{ name: 'file[]', filename: 'empty.txt', value: '' }], { key: KEY })
    expect(response.text).toContain('class="bloc2">Pas de fichier')
    em.control.setSwitches({ zeroByteUploads: 'accept' })
    const accepted = await upload([{ name: 'file[]', filename: 'empty.txt', value: '' }], { key: KEY })
    em.control.setSwitches({ zeroByteUploads: 'reject' })
    expect(accepted.response.status).toBe(302)
  })

  it('can lose the node (Ne peut ouvrir le fichier destination) and then works again', async () => {
    em.control.loseUploadNode(1)
    const lost = await upload([{ name: 'file[]', filename: 'x.txt', value: 'x' }], { key: KEY })
    expect(lost.response.text).toContain('<div class="bloc2">Ne peut ouvrir le fichier destination</div>')
    expect(
      (await upload([{ name: 'file[]', filename: 'x.txt', value: 'x' }], { key: KEY })).response.status,
    ).toBe(302)
  })

  it('refuses quoted boundaries in strict mode', async () => {
    em.control.setSwitches({ strictMultipart: true })
    const { response } = await upload([{ name: 'file[]', filename: 'q.txt', value: 'q' }], {
      key: KEY,
      contentType: 'multipart/form-data; boundary="qb"',
      boundary: 'qb',
    })
    em.control.setSwitches({ strictMultipart: false })
    expect(response.text).toContain('Pas de fichier')
  })

  it('counts received body bytes', async () => {
    em.control.resetStats()
    const { response } = await upload(
      [{ name: 'file[]', filename: 'count.bin', value: Buffer.alloc(5000) }],
      { key: KEY },
    )
    expect(response.status).toBe(302)
    const stats = em.control.stats()
    expect(stats.bytesReceived).toBeGreaterThan(5000)
    expect(stats.requests['/upload.cgi']).toBe(1)
  })
})

describe('end.pl', () => {
  it('answers HTML without JSON, CSV with Export, and the HTML wait page or empty links when told', async () => {
    const { id, node } = await upload([{ name: 'file[]', filename: 'page.txt', value: 'p' }], { key: KEY })
    const html = await rawRequest(`http://${node}/end.pl?xid=${id}`)
    expect(html.headers['content-type']).toContain('text/html')
    expect(html.text).toContain('<table class="premium">')
    const csv = await rawRequest(`http://${node}/end.pl?xid=${id}`, { headers: { Export: '1' } })
    expect(csv.text).toMatch(/^page\.txt;1;[a-z0-9]{20};;0\n$/)
    em.control.endPlWait(1)
    const wait = await rawRequest(`http://${node}/end.pl?xid=${id}`, { headers: { JSON: '1' } })
    expect(wait.text.startsWith('<')).toBe(true)
    expect(wait.text).toContain('Veuillez patienter')
    em.control.endPlEmptyLinks(1)
    expect((await report(node, id)).links).toEqual([])
    expect(((await report(node, id)).links as unknown[]).length).toBe(1)
  })

  it('forgets reports after their lifetime', async () => {
    const { id, node } = await upload([{ name: 'file[]', filename: 'old.txt', value: 'o' }], { key: KEY })
    em.control.setSwitches({ endPlTtlMs: 0 })
    await new Promise((resolve) => setTimeout(resolve, 5))
    const json = await report(node, id)
    em.control.setSwitches({ endPlTtlMs: 7_200_000 })
    expect(json.links).toEqual([])
  })
})

describe('aborted uploads', () => {
  it('store nothing and leave no bytes behind when the client goes away mid-body', async () => {
    const { readdirSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { request } = await import('node:http')
    const blobs = join(em.dataDir, 'blobs')
    const before = readdirSync(blobs).length
    const filesBefore = em.control.listFiles(KEY).length
    const node = await uploadServer()
    const boundary = 'abortabort'
    const head = multipartBody(boundary, [
      { name: 'file[]', filename: 'done.txt', value: 'complete part' },
      { name: 'file[]', filename: 'cut.bin', value: Buffer.alloc(200_000, 7) },
    ])
    const partial = head.subarray(0, head.length - 100_000)
    await new Promise<void>((resolve) => {
      const req = request(`http://${node.url}/upload.cgi?id=${node.id}`, {
        method: 'POST',
        agent: false,
        headers: {
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          'Content-Length': String(head.length),
          Authorization: `Bearer ${KEY}`,
        },
      })
      req.on('error', () => resolve())
      req.write(partial, () =>
        setTimeout(() => {
          req.destroy()
          resolve()
        }, 100),
      )
    })
    for (let i = 0; i < 40 && readdirSync(blobs).length !== before; i++)
      await new Promise((resolve) => setTimeout(resolve, 25))
    expect(readdirSync(blobs).length).toBe(before)
    expect(em.control.listFiles(KEY).length).toBe(filesBefore)
    expect(
      (await upload([{ name: 'file[]', filename: 'after.txt', value: 'a' }], { key: KEY })).response.status,
    ).toBe(302)
  })
})
