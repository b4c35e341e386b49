import { afterAll, beforeAll, expect, it } from 'vitest'
import { RemoteService } from '../../../src/main/core/remote/remote-service'
import { RemoteListing } from '../../../src/shared/model/remote'
import { InstantClock, PREMIUM_KEY, startEmulated } from './emulated-client'
import type { Emulated } from './emulated-client'

let env: Emulated
beforeAll(async () => {
  env = await startEmulated()
})
afterAll(() => env.close())

it('lists a folder with its files as a RemoteListing, from the cache for a repeat', async () => {
  const clock = new InstantClock()
  const service = new RemoteService(env.makeClient({ clock, listingIntervalMs: 30_000 }))
  const folder = env.emulator.control.createFolder({ key: PREMIUM_KEY, name: 'Music' })
  env.emulator.control.createFolder({ key: PREMIUM_KEY, parentId: folder.id, name: 'Live' })
  await env.emulator.control.createFile({
    key: PREMIUM_KEY,
    folderId: folder.id,
    name: 'song.flac',
    content: 'la la',
    password: 'secret12',
  })

  const listing = await service.list(folder.id, { refresh: false })
  expect(RemoteListing.parse(listing)).toEqual(listing)
  expect(listing).toMatchObject({ folderId: folder.id, name: 'Music', cachedAt: null })
  expect(listing.folders).toEqual([expect.objectContaining({ name: 'Live', protected: false })])
  expect(listing.files).toEqual([expect.objectContaining({ name: 'song.flac', size: 5, protected: true })])

  clock.time += 5_000
  const cached = await service.list(folder.id, { refresh: false })
  expect(cached.cachedAt).toBe(clock.time - 5_000)
  expect(cached.files).toEqual(listing.files)

  const refreshed = await service.list(folder.id, { refresh: true })
  expect(refreshed.cachedAt).toBeNull()
})
