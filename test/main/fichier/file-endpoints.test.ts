import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FichierError } from '../../../src/main/core/fichier/fichier-error'
import { FREE_KEY, InstantClock, OTHER_KEY, PREMIUM_KEY, startEmulated } from './emulated-client'
import type { Emulated } from './emulated-client'

let env: Emulated
beforeAll(async () => {
  env = await startEmulated()
})
afterAll(() => env.close())

const codeOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(FichierError)
    return (error as FichierError).code
  }
  throw new Error('expected a FichierError')
}

describe('files', () => {
  it('gets a download token for a file, and refuses a free account with NOT_CUSTOMER', async () => {
    const file = await env.emulator.control.createFile({
      key: PREMIUM_KEY,
      name: 'movie.mkv',
      content: 'x'.repeat(100),
    })
    const token = await env.client.downloadToken(file.url, { single: true })
    expect(token.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[pc]\d+$/)
    const bytes = await fetch(token.url).then((r) => r.text())
    expect(bytes).toBe('x'.repeat(100))

    const free = env.makeClient({ getKey: () => FREE_KEY })
    const error = await free.downloadToken(file.url).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FichierError)
    expect((error as FichierError).code).toBe('NOT_CUSTOMER')
    expect((error as FichierError).serverCode).toBe(236)
    expect((error as FichierError).retriable).toBe(false)
  })

  it('reads file info, with the password errors of protected files and NOT_FOUND for unknown links', async () => {
    const folder = env.emulator.control.createFolder({ key: OTHER_KEY, name: 'private' })
    const file = await env.emulator.control.createFile({
      key: OTHER_KEY,
      folderId: folder.id,
      name: 'secret.bin',
      content: 'abc',
      password: 'hunter22',
    })
    expect(await codeOf(env.client.fileInfo(file.url))).toBe('PASSWORD_REQUIRED')
    expect(await codeOf(env.client.fileInfo(file.url, { password: 'nope-nope' }))).toBe('PASSWORD_WRONG')
    expect(await codeOf(env.client.downloadToken(file.url, { password: 'nope-nope' }))).toBe('PASSWORD_WRONG')
    const token = await env.client.downloadToken(file.url, { password: 'hunter22' })
    expect(await fetch(token.url).then((r) => r.text())).toBe('abc')

    const own = await env.client.fileInfo(
      (await env.emulator.control.createFile({ key: PREMIUM_KEY, name: 'mine.txt', content: 'abc' })).url,
    )
    expect(own).toMatchObject({
      name: 'mine.txt',
      size: 3,
      folderId: 0,
      protected: false,
      contentType: 'text/plain',
    })
    expect(own.checksum).toMatch(/^[0-9a-f]{128}$/)

    const missing = await env.client
      .fileInfo('https://1fichier.com/?zzzzzzzzzzzzzzzzzzzz')
      .catch((e: unknown) => e)
    expect(missing).toMatchObject({ code: 'NOT_FOUND', serverCode: 469, httpStatus: 404 })
  })

  it('lists files of a folder and serves a repeat from the cache until a mutation', async () => {
    const clock = new InstantClock()
    const client = env.makeClient({ listingIntervalMs: 30_000, clock })
    const folder = env.emulator.control.createFolder({ key: PREMIUM_KEY, name: 'list-me' })
    const a = await env.emulator.control.createFile({
      key: PREMIUM_KEY,
      folderId: folder.id,
      name: 'a.txt',
      content: 'a',
    })
    await env.emulator.control.createFile({
      key: PREMIUM_KEY,
      folderId: folder.id,
      name: 'b.txt',
      content: 'bb',
    })
    const requests = () => env.emulator.control.stats().requests['/v1/file/ls.cgi'] ?? 0
    const first = await client.fileList(folder.id)
    expect(first.cachedAt).toBeNull()
    expect(first.count).toBe(2)
    expect(first.items.map((i) => i.name).sort()).toEqual(['a.txt', 'b.txt'])
    const before = requests()
    clock.time += 10_000
    const second = await client.fileList(folder.id)
    expect(second.cachedAt).not.toBeNull()
    expect(second.items).toEqual(first.items)
    expect(requests()).toBe(before)

    // A mutation drops the cache; the fresh listing first waits out the folder's 30 s.
    await client.removeFiles([{ url: a.url }])
    clock.sleeps.length = 0
    const third = await client.fileList(folder.id)
    expect(third.cachedAt).toBeNull()
    expect(third.items.map((i) => i.name)).toEqual(['b.txt'])
    expect(requests()).toBe(before + 1)
    expect(clock.sleeps.reduce((sum, ms) => sum + ms, 0)).toBeGreaterThanOrEqual(20_000)
  })

  it('removes, moves (keeping the link), copies (new link) and renames files', async () => {
    const { control } = env.emulator
    const target = control.createFolder({ key: PREMIUM_KEY, name: 'target' })
    const a = await control.createFile({ key: PREMIUM_KEY, name: 'move-me.txt', content: 'move' })
    const moved = await env.client.moveFiles([a.url], target.id)
    expect(moved).toMatchObject({ moved: 1, urls: [a.url] })
    expect(control.listFiles(PREMIUM_KEY).find((f) => f.id === a.id)?.folderId).toBe(target.id)

    const copied = await env.client.copyFiles([a.url], 0, { rename: 'copy.txt' })
    expect(copied.copied).toBe(1)
    expect(copied.urls[0]?.fromUrl).toBe(a.url)
    expect(copied.urls[0]?.toUrl).not.toBe(a.url)
    expect(control.listFiles(PREMIUM_KEY).some((f) => f.name === 'copy.txt' && f.folderId === 0)).toBe(true)

    const renamed = await env.client.renameFiles([{ url: a.url, filename: 'renamed.txt' }])
    expect(renamed).toMatchObject({
      renamed: 1,
      urls: [{ url: a.url, oldName: 'move-me.txt', newName: 'renamed.txt' }],
    })
    // Renaming to the same name: HTTP 200 with a KO envelope (#312).
    const same = await env.client
      .renameFiles([{ url: a.url, filename: 'renamed.txt' }])
      .catch((e: unknown) => e)
    expect(same).toMatchObject({ code: 'NOT_ALLOWED', serverCode: 312, httpStatus: 200 })

    const removed = await env.client.removeFiles([{ url: a.url }])
    expect(removed.removed).toBe(1)
    expect(control.listFiles(PREMIUM_KEY).some((f) => f.id === a.id)).toBe(false)
  })

  it('changes attributes and scans a file', async () => {
    const file = await env.emulator.control.createFile({
      key: PREMIUM_KEY,
      name: 'attrs.txt',
      content: 'attrs',
    })
    const changed = await env.client.changeAttributes([file.url], {
      inline: true,
      description: 'notes',
      password: 'secret123',
    })
    expect(changed.updated).toBe(1)
    const info = await env.client.fileInfo(file.url, { password: 'secret123' })
    expect(info).toMatchObject({ inline: true, description: 'notes', protected: true })
    const scan = await env.client.scanFile(file.url)
    expect(scan.clean).toBe(true)
  })

  it('does not touch a file of another account', async () => {
    const theirs = await env.emulator.control.createFile({ key: OTHER_KEY, name: 'theirs.txt', content: 't' })
    expect((await env.client.removeFiles([{ url: theirs.url }])).removed).toBe(0)
    expect(await codeOf(env.client.moveFiles([theirs.url], 0))).toMatch(/NOT_ALLOWED|NOT_FOUND/)
    expect(env.emulator.control.listFiles(OTHER_KEY).some((f) => f.id === theirs.id)).toBe(true)
  })
})
