import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FichierError } from '../../../src/main/core/fichier/fichier-error'
import { FREE_KEY, InstantClock, PREMIUM_KEY, startEmulated } from './emulated-client'
import type { Emulated } from './emulated-client'

let env: Emulated
beforeAll(async () => {
  env = await startEmulated()
})
afterAll(() => env.close())

describe('folders', () => {
  it('makes, lists (with files), shares, renames, moves and removes folders', async () => {
    const { client } = env
    const { control } = env.emulator
    const made = await client.makeFolder('Projects', 0)
    expect(made.name).toBe('Projects')
    expect(made.folderId).toBeGreaterThan(0)
    const child = await client.makeFolder('2026', made.folderId)
    await control.createFile({ key: PREMIUM_KEY, folderId: made.folderId, name: 'plan.txt', content: 'plan' })

    const listing = await client.folderList(made.folderId, { files: true })
    expect(listing).toMatchObject({ folderId: made.folderId, name: 'Projects', fileCount: 1, cachedAt: null })
    expect(listing.subFolders).toEqual([
      expect.objectContaining({ id: child.folderId, name: '2026', protected: false }),
    ])
    expect(listing.items.map((i) => i.name)).toEqual(['plan.txt'])
    const root = await client.folderList(0)
    expect(root.name).toBe('Root')
    expect(root.subFolders.some((f) => f.id === made.folderId)).toBe(true)

    const shared = await client.shareFolder(made.folderId, { public: true })
    expect(shared.url).toMatch(/\/dir\/[A-Za-z0-9]+$/)

    const renamed = await client.moveFolder(child.folderId, { rename: 'Year 2026' })
    expect(renamed).toMatchObject({ oldName: '2026', newName: 'Year 2026' })
    const moved = await client.moveFolder(child.folderId, { destinationFolderId: 0 })
    expect(moved.newName).toBe('Year 2026')
    expect(control.listFolders(PREMIUM_KEY).find((f) => f.id === child.folderId)?.parentId).toBe(0)

    const refused = await client.removeFolder(made.folderId).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(FichierError)
    expect((refused as FichierError).message).toContain('Folder is not empty')
    await client.removeFolder(child.folderId)
    expect(control.listFolders(PREMIUM_KEY).some((f) => f.id === child.folderId)).toBe(false)

    const missing = await client.folderList(987654321).catch((e: unknown) => e)
    expect(missing).toMatchObject({ code: 'NOT_FOUND' })
  })

  it('reads a public folder link, asking for its password when protected', async () => {
    const { control } = env.emulator
    const open = control.createFolder({ key: PREMIUM_KEY, name: 'public' })
    await control.createFile({ key: PREMIUM_KEY, folderId: open.id, name: 'one.txt', content: '1' })
    await control.createFile({ key: PREMIUM_KEY, folderId: open.id, name: 'two.txt', content: '22' })
    const share = control.shareFolder({ key: PREMIUM_KEY, folderId: open.id })
    const entries = await env.client.publicFolder(share.url)
    expect(entries.map((e) => [e.name, e.size]).sort()).toEqual([
      ['one.txt', 1],
      ['two.txt', 2],
    ])
    expect(entries[0]?.link).toMatch(/^https:\/\/1fichier\.com\/\?[a-z0-9]+$/)

    const locked = control.createFolder({ key: PREMIUM_KEY, name: 'locked' })
    await control.createFile({ key: PREMIUM_KEY, folderId: locked.id, name: 'x.txt', content: 'x' })
    const lockedShare = control.shareFolder({ key: PREMIUM_KEY, folderId: locked.id, password: 'opensesame' })
    await expect(env.client.publicFolder(lockedShare.url)).rejects.toMatchObject({
      code: 'PASSWORD_REQUIRED',
    })
    await expect(env.client.publicFolder(lockedShare.url, { password: 'wrong-one' })).rejects.toMatchObject({
      code: 'PASSWORD_WRONG',
    })
    expect(
      (await env.client.publicFolder(lockedShare.dirId, { password: 'opensesame' })).map((e) => e.name),
    ).toEqual(['x.txt'])
    await expect(env.client.publicFolder('https://1fichier.com/dir/NoSuchFolder1')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })
})

describe('folder paths', () => {
  it('reuses existing folders and creates the missing ones, listing each existing parent once', async () => {
    const clock = new InstantClock()
    const client = env.makeClient({ clock, listingIntervalMs: 30_000 })
    const { control } = env.emulator
    const existing = control.createFolder({ key: PREMIUM_KEY, name: 'Backups' })
    const lists = () => control.stats().requests['/v1/folder/ls.cgi'] ?? 0
    const before = lists()
    const id = await client.ensureFolderPath(0, ['Backups', '2026', 'photos'])
    expect(lists() - before).toBe(2)
    const folders = control.listFolders(PREMIUM_KEY)
    const year = folders.find((f) => f.name === '2026')
    expect(year?.parentId).toBe(existing.id)
    expect(folders.find((f) => f.id === id)).toMatchObject({ name: 'photos', parentId: year?.id })

    const requests = control.stats().requests
    const total = Object.values(requests).reduce((sum, n) => sum + n, 0)
    expect(await client.ensureFolderPath(0, ['Backups', '2026', 'photos'])).toBe(id)
    expect(Object.values(control.stats().requests).reduce((sum, n) => sum + n, 0)).toBe(total)
    expect(clock.sleeps.filter((ms) => ms > 1000)).toEqual([])
  })
})

describe('account', () => {
  it('reads user/info into camelCase numbers and caches it for 5 minutes', async () => {
    const client = env.makeClient()
    const info = await client.userInfo()
    expect(info).toMatchObject({ email: 'premium@example.com', offer: 1, cachedAt: null, useCdn: false })
    expect(typeof info.coldStorage).toBe('number')
    const again = await client.userInfo()
    expect(again.cachedAt).not.toBeNull()
    const free = await client.userInfo({ key: FREE_KEY })
    expect(free).toMatchObject({ email: 'free@example.com', offer: 0 })
  })
})

describe('remote uploads', () => {
  it('requests a remote upload, lists the job and reads its result', async () => {
    const { client } = env
    const source = await env.emulator.control.createFile({
      key: PREMIUM_KEY,
      name: 'source.bin',
      content: 'remote bytes',
    })
    const token = await client.downloadToken(source.url)
    const { id } = await client.remoteRequest([token.url], 0)
    expect(id).toBeGreaterThan(0)
    const jobs = await client.remoteJobs()
    expect(jobs.some((job) => job.id === id)).toBe(true)
    let info = await client.remoteInfo(id)
    for (let i = 0; i < 50 && !info.done; i++) {
      await sleep(50)
      info = await client.remoteInfo(id)
    }
    expect(info.done).toBe(true)
    expect(info.results).toEqual([expect.objectContaining({ ok: true, url: token.url })])
    expect(info.results[0]?.link).toMatch(/1fichier\.com\/\?/)

    const free = env.makeClient({ getKey: () => FREE_KEY })
    await expect(free.remoteRequest([token.url], 0)).rejects.toMatchObject({
      code: 'NOT_CUSTOMER',
      serverCode: 200,
    })
    await expect(client.remoteInfo(999_999)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
