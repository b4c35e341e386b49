import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from './index'
import { apiCall, jsonOf, rawRequest } from './raw-http'

const KEY = 'ApiKeyApiKeyApiKeyApiKeyApiKey01'
const OTHER = 'OtherKeyOtherKeyOtherKeyOther002'
const FREE = 'FreeKeyFreeKeyFreeKeyFreeKey0003'
const DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/
const HEX128 = /^[0-9a-f]{128}$/

let em: RunningEmulator
const call = (action: string, body: unknown, key: string | undefined = KEY) =>
  apiCall(em.apiUrl, action, body, key)
const ok = async (action: string, body: unknown, key: string = KEY) => {
  const response = await call(action, body, key)
  expect(response.status, response.text).toBe(200)
  const json = jsonOf(response)
  expect(json.status, response.text).toBe('OK')
  return json
}

beforeAll(async () => {
  em = await startEmulator({
    rateLimits: false,
    // About answer shapes: file/info is called here far more than a client should.
    fileInfoBurst: null,
    keys: [
      { key: KEY, email: 'me@example.com' },
      { key: OTHER, tier: 'access', email: 'other@example.com' },
      { key: FREE, tier: 'free' },
    ],
  })
})
afterAll(() => em.stop())

describe('request conventions', () => {
  it('refuses a call without the JSON content type, even GET and empty bodies, with no status key', async () => {
    for (const request of [
      { method: 'POST', body: '{}' },
      { method: 'GET' },
      { method: 'POST', body: '{}', headers: { 'Content-Type': 'text/plain' } },
    ]) {
      const response = await rawRequest(`${em.apiUrl}/user/info.cgi`, {
        ...request,
        headers: { Authorization: `Bearer ${KEY}`, ...request.headers },
      })
      expect(response.json).toEqual({ message: 'Content-Type not JSON #24' })
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8')
    }
  })

  it('accepts an empty body as {} and answers lowercase JSON with charset', async () => {
    em.control.setRateLimits(false)
    const response = await call('user/info.cgi', undefined)
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(jsonOf(response).status).toBe('OK')
  })

  it('answers Not authenticated #247 with 401 for a missing or unknown key', async () => {
    for (const key of ['', 'NoSuchKeyNoSuchKeyNoSuchKey00000']) {
      const response = await call('file/ls.cgi', {}, key)
      expect(response.status).toBe(401)
      expect(response.json).toEqual({ status: 'KO', message: 'Not authenticated #247' })
    }
  })

  it('can answer No such user #93 instead', async () => {
    em.control.setSwitches({ authError: 'no-such-user' })
    const response = await call('file/ls.cgi', {}, 'NoSuchKeyNoSuchKeyNoSuchKey00000')
    em.control.setSwitches({ authError: 'not-authenticated' })
    expect(response.status).toBe(403)
    expect(response.json).toEqual({ status: 'KO', message: 'No such user #93' })
  })

  it('indents the answer with pretty:1', async () => {
    const response = await call('folder/ls.cgi', { pretty: 1 })
    expect(response.text).toContain('\n    "status": "OK"')
    expect((await call('folder/ls.cgi', {})).text).not.toContain('\n')
  })

  it('shuffles key order when asked, keeping the content', async () => {
    em.control.setSwitches({ shuffleKeys: true })
    const orders = new Set<string>()
    for (let i = 0; i < 8; i++) orders.add(Object.keys(jsonOf(await call('folder/ls.cgi', {}))).join(','))
    em.control.setSwitches({ shuffleKeys: false })
    expect(orders.size).toBeGreaterThan(1)
  })

  it('answers unknown endpoints with 404', async () => {
    expect((await call('file/nothing.cgi', {})).status).toBe(404)
  })
})

describe('user/info.cgi', () => {
  it('sends strings and numbers exactly where 1fichier does, and writes settings back', async () => {
    const info = await ok('user/info.cgi', {})
    for (const name of [
      'offer',
      'use_cdn',
      'cdn',
      '2fa',
      'mail_rm',
      'ftp_mode',
      'ftp_report',
      'ru_report',
      'default_port',
      'default_port_files',
      'download_menu',
      'upload_forbidden',
    ]) {
      expect(typeof info[name], name).toBe('string')
    }
    for (const name of [
      'ftp_did',
      'default_domain',
      'page_limit',
      'hot_storage',
      'cold_storage',
      'available_cold_storage',
      'allowed_cold_storage',
      'overquota',
    ]) {
      expect(typeof info[name], name).toBe('number')
    }
    expect(info.offer).toBe('1')
    expect(info.email).toBe('me@example.com')
    expect(info.subscription_end).toMatch(DATE)
    await ok('user/info.cgi', { use_cdn: 1, default_domain: 3 })
    const after = await ok('user/info.cgi', {})
    expect(after.use_cdn).toBe('1')
    expect(after.default_domain).toBe(3)
    expect((await ok('user/info.cgi', {}, OTHER)).offer).toBe('2')
    expect((await ok('user/info.cgi', {}, FREE)).offer).toBe('0')
  })
})

describe('folders', () => {
  it('lists the root as Root with null size when empty, and sub_folders with numeric pass', async () => {
    const root = await ok('folder/ls.cgi', {}, OTHER)
    expect(root).toMatchObject({ folder_id: 0, name: 'Root', size: null, files: 0, sub_folders: [] })
    const made = await ok('folder/mkdir.cgi', { name: 'Music', folder_id: 0 }, OTHER)
    expect(typeof made.folder_id).toBe('number')
    expect(made.name).toBe('Music')
    const inner = await ok('folder/mkdir.cgi', { name: 'Jazz', folder_id: made.folder_id }, OTHER)
    const listed = await ok('folder/ls.cgi', { folder_id: 0 }, OTHER)
    const sub = (listed.sub_folders as Record<string, unknown>[])[0]
    expect(sub).toEqual({
      id: made.folder_id,
      name: 'Music',
      create_date: expect.stringMatching(DATE),
      pass: 0,
    })
    const music = await ok('folder/ls.cgi', { folder_id: made.folder_id, files: 1 }, OTHER)
    expect(music).toMatchObject({ folder_id: made.folder_id, name: 'Music', files: 0, items: [] })
    expect((music.sub_folders as { id: number }[])[0]?.id).toBe(inner.folder_id)
  })

  it('refuses unknown folders and folders of another account', async () => {
    const foreign = await ok('folder/mkdir.cgi', { name: 'Mine' }, OTHER)
    for (const id of [999, foreign.folder_id]) {
      const response = await call('folder/ls.cgi', { folder_id: id })
      expect(response.status).toBe(404)
      expect(response.json).toEqual({ status: 'KO', message: 'Resource not found #469' })
    }
    expect((await call('folder/mkdir.cgi', { folder_id: 0 })).status).toBe(403)
  })

  it('renames (ignoring the destination), moves, and refuses cycles', async () => {
    const a = (await ok('folder/mkdir.cgi', { name: 'A' })).folder_id as number
    const b = (await ok('folder/mkdir.cgi', { name: 'B' })).folder_id as number
    const renamed = await ok('folder/mv.cgi', { folder_id: a, destination_folder_id: b, rename: 'A2' })
    expect(renamed).toMatchObject({ old_name: 'A', new_name: 'A2' })
    expect((await ok('folder/ls.cgi', { folder_id: a })).name).toBe('A2')
    const rootNames = ((await ok('folder/ls.cgi', {})).sub_folders as { name: string }[]).map((f) => f.name)
    expect(rootNames).toContain('A2')
    await ok('folder/mv.cgi', { folder_id: a, destination_folder_id: b })
    expect(
      ((await ok('folder/ls.cgi', { folder_id: b })).sub_folders as { id: number }[]).map((f) => f.id),
    ).toEqual([a])
    expect(jsonOf(await call('folder/mv.cgi', { folder_id: b, destination_folder_id: a })).status).toBe('KO')
  })

  it('refuses to remove a non-empty folder by default and removes empty ones', async () => {
    const parent = (await ok('folder/mkdir.cgi', { name: 'Parent' })).folder_id as number
    const child = (await ok('folder/mkdir.cgi', { name: 'Child', folder_id: parent })).folder_id as number
    const refused = await call('folder/rm.cgi', { folder_id: parent })
    expect(refused.status).toBe(403)
    expect(jsonOf(refused).status).toBe('KO')
    await ok('folder/rm.cgi', { folder_id: child })
    await ok('folder/rm.cgi', { folder_id: parent })
    expect((await call('folder/ls.cgi', { folder_id: parent })).status).toBe(404)
    em.control.setSwitches({ folderRmPolicy: 'recursive' })
    const full = (await ok('folder/mkdir.cgi', { name: 'Full' })).folder_id as number
    await em.control.createFile({ key: KEY, folderId: full, name: 'x.txt', content: 'x' })
    await ok('folder/rm.cgi', { folder_id: full })
    em.control.setSwitches({ folderRmPolicy: 'refuse' })
  })

  it('shares a folder publicly with an optional password', async () => {
    const id = (await ok('folder/mkdir.cgi', { name: 'Public' })).folder_id as number
    const shared = await ok('folder/share.cgi', { folder_id: id, share: 1, pass: 'secret123' })
    expect(shared.url).toMatch(/^https:\/\/1fichier\.com\/dir\/[a-z0-9]+$/)
    expect((await call('folder/share.cgi', { folder_id: id, share: 1, pass: 'short' })).status).toBe(403)
  })
})

describe('files', () => {
  it('lists files with the exact item fields and wire types; -1 lists every file', async () => {
    const folder = (await ok('folder/mkdir.cgi', { name: 'Docs' }, OTHER)).folder_id as number
    const created = await em.control.createFile({
      key: OTHER,
      folderId: folder,
      name: 'test.txt',
      content: 'hello world\n',
    })
    const listing = await ok('file/ls.cgi', { folder_id: folder }, OTHER)
    expect(listing.count).toBe(1)
    expect((listing.items as unknown[])[0]).toEqual({
      url: created.url,
      filename: 'test.txt',
      size: 12,
      date: expect.stringMatching(DATE),
      checksum: created.checksum,
      'content-type': 'text/plain',
      pass: 0,
      acl: 0,
      cdn: 0,
    })
    expect(created.url).toMatch(/^https:\/\/1fichier\.com\/\?[a-z0-9]{20}$/)
    const all = await ok('file/ls.cgi', { folder_id: -1 }, OTHER)
    expect((all.items as { url: string }[]).map((item) => item.url)).toContain(created.url)
    expect((await ok('file/ls.cgi', {}, OTHER)).count).toBe(0)
  })

  it('describes one file with file/info, and refuses unknown or protected ones', async () => {
    const folder = (await ok('folder/mkdir.cgi', { name: 'Info' })).folder_id as number
    const created = await em.control.createFile({
      key: KEY,
      folderId: folder,
      name: 'a b é.bin',
      content: Buffer.from([1, 2, 3]),
    })
    const info = await ok('file/info.cgi', { url: `${created.url}&af=12345` })
    expect(info).toMatchObject({
      url: created.url,
      filename: 'a b é.bin',
      size: 3,
      folder_id: folder,
      path: 'Info',
      pass: 0,
      'content-type': 'application/octet-stream',
    })
    expect(info.checksum).toMatch(HEX128)
    expect(info.acl).toEqual({ ip: [], country: [], email: [], premium: 0 })
    const missing = await call('file/info.cgi', { url: 'https://1fichier.com/?aaaaaaaaaaaaaaaaaaaa' })
    expect(missing.status).toBe(404)
    expect(missing.json).toEqual({ status: 'KO', message: 'Resource not found #469' })
    const locked = await em.control.createFile({
      key: KEY,
      name: 'locked.zip',
      content: 'z',
      password: 'opensesame',
    })
    expect((await ok('file/info.cgi', { url: locked.url })).pass).toBe(1)
    const noPass = await call('file/info.cgi', { url: locked.url }, OTHER)
    expect(noPass.status).toBe(403)
    expect(noPass.json).toEqual({ status: 'KO', message: 'Password not provided. Resource not allowed #631' })
    expect(jsonOf(await call('file/info.cgi', { url: locked.url, pass: 'nope' }, OTHER)).message).toBe(
      'Invalid password. Resource not allowed #631',
    )
    await ok('file/info.cgi', { url: locked.url, pass: 'opensesame' }, OTHER)
    await ok('file/chattr.cgi', { urls: [created.url], acl: { email: ['someone@example.com'] } })
    const acl = await call('file/info.cgi', { url: created.url }, OTHER)
    expect(acl.status).toBe(403)
    expect(acl.json).toEqual({ status: 'KO', message: 'Resource not allowed #631' })
  })

  it('renames in place keeping the link, and answers #312 with HTTP 200 when nothing changes', async () => {
    const file = await em.control.createFile({ key: KEY, name: 'old.txt', content: 'r' })
    const renamed = await ok('file/rename.cgi', { urls: [{ url: file.url, filename: 'new.txt' }], pretty: 0 })
    expect(renamed).toEqual({
      status: 'OK',
      renamed: 1,
      urls: [{ url: file.url, old_filename: 'old.txt', new_filename: 'new.txt' }],
    })
    const same = await call('file/rename.cgi', { urls: [{ url: file.url, filename: 'new.txt' }] })
    expect(same.status).toBe(200)
    expect(same.json).toEqual({ status: 'KO', message: 'No file has been renamed #312' })
  })

  it('moves keeping the link, renames on move, refuses a rename to the same name', async () => {
    const dest = (await ok('folder/mkdir.cgi', { name: 'Dest' })).folder_id as number
    const file = await em.control.createFile({ key: KEY, name: 'move-me.txt', content: 'm' })
    const moved = await ok('file/mv.cgi', {
      urls: [file.url],
      destination_folder_id: dest,
      rename: 'moved.txt',
    })
    expect(moved).toMatchObject({ moved: 1, urls: [file.url], filename: 'moved.txt' })
    const info = await ok('file/info.cgi', { url: file.url })
    expect(info).toMatchObject({ folder_id: dest, filename: 'moved.txt' })
    expect(
      jsonOf(
        await call('file/mv.cgi', { urls: [file.url], destination_folder_id: dest, rename: 'moved.txt' }),
      ).status,
    ).toBe('KO')
    expect(jsonOf(await call('file/mv.cgi', { urls: [file.url] })).status).toBe('KO')
  })

  it('copies with a new link, changes attributes, scans and removes', async () => {
    const file = await em.control.createFile({ key: KEY, name: 'orig.txt', content: 'copy me' })
    const copied = await ok('file/cp.cgi', { urls: [file.url], folder_id: 0, rename: 'copy.txt' })
    const pair = (copied.urls as { from_url: string; to_url: string }[])[0]
    expect(copied.copied).toBe(1)
    expect(pair?.from_url).toBe(file.url)
    expect(pair?.to_url).not.toBe(file.url)
    expect((await ok('file/info.cgi', { url: pair?.to_url })).filename).toBe('copy.txt')

    const changed = await ok('file/chattr.cgi', {
      urls: [file.url],
      description: 'hi',
      inline: 1,
      pass: 'longenough',
    })
    expect(changed.updated).toBe(1)
    expect(await ok('file/info.cgi', { url: file.url })).toMatchObject({
      description: 'hi',
      inline: 1,
      pass: 1,
    })
    expect((await call('file/chattr.cgi', { urls: [file.url], pass: 'abc' })).status).toBe(403)

    const scan = await ok('file/scan.cgi', { url: file.url })
    expect(scan.date).toBeUndefined()
    expect((await ok('file/scan.cgi', { url: file.url })).date).toMatch(DATE)

    const foreign = await call('file/rm.cgi', { files: [{ url: file.url }] }, OTHER)
    expect(jsonOf(foreign).removed).toBe(0)
    const removed = await ok('file/rm.cgi', { files: [{ url: file.url }, { url: pair?.to_url }] })
    expect(removed.removed).toBe(2)
    expect((await call('file/info.cgi', { url: file.url })).status).toBe(404)
  })

  it('resolves links on alternate domains and the old id.domain form', async () => {
    const file = await em.control.createFile({ key: KEY, name: 'alt.txt', content: 'alt', domain: 5 })
    expect(file.url).toMatch(/^https:\/\/megadl\.fr\/\?[a-z0-9]{20}$/)
    await ok('file/info.cgi', { url: file.url })
    await ok('file/info.cgi', { url: `http://${file.id}.megadl.fr/` })
    expect((await call('file/info.cgi', { url: `https://example.org/?${file.id}` })).status).toBe(404)
  })
})

describe('download/get_token.cgi', () => {
  it('gives customers a token URL and refuses free keys with #236', async () => {
    const file = await em.control.createFile({ key: KEY, name: 'dl.bin', synthetic: { size: 1000, seed: 1 } })
    // This account turned use_cdn on above: without `cdn`, the account setting decides.
    expect((await ok('download/get_token.cgi', { url: file.url })).url).toMatch(/\/c\d{10}$/)
    const token = await ok('download/get_token.cgi', { url: file.url, single: 1, cdn: 0 })
    expect(token.url).toMatch(new RegExp(`^${em.origin.replace(/\./g, '\\.')}/p\\d{10}$`))
    expect((await ok('download/get_token.cgi', { url: file.url, no_ssl: 1 })).url).toMatch(/^http:\/\//)
    const free = await call('download/get_token.cgi', { url: file.url }, FREE)
    expect(free.status).toBe(403)
    expect(free.json).toEqual({ status: 'KO', message: 'Must be a customer (Premium, Access) #236' })
    expect(
      (await call('download/get_token.cgi', { url: 'https://1fichier.com/?zzzzzzzzzzzzzzzzzzzz' })).status,
    ).toBe(404)
  })
})

describe('upload/get_upload_server.cgi', () => {
  it('answers GET and POST without a key: a bare host and a fresh 10-char id, no status key', async () => {
    const ids = new Set<string>()
    for (const method of ['GET', 'POST']) {
      const response = await rawRequest(`${em.apiUrl}/upload/get_upload_server.cgi`, {
        method,
        headers: { 'Content-Type': 'application/json' },
      })
      const json = jsonOf(response)
      expect(Object.keys(json).sort()).toEqual(['id', 'url'])
      expect(json.url).toBe(new URL(em.origin).host)
      expect(json.id).toMatch(/^[A-Za-z0-9]{10}$/)
      ids.add(json.id as string)
    }
    expect(ids.size).toBe(2)
    const bare = await rawRequest(`${em.apiUrl}/upload/get_upload_server.cgi`)
    expect(bare.json).toEqual({ message: 'Content-Type not JSON #24' })
  })
})
