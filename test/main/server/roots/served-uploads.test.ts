import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openServerRoots, uploadSourcesWithin } from '../../../../src/main/server/roots/index'
import { startEmulator, type RunningEmulator } from '../../../emulator/index'
import { createTestService, type TestService } from '../../../helpers/test-service'
import { allFinished, waitForTransfers } from '../../../helpers/wait-for-transfers'

const KEY = 'ServedUpKeyServedUpKeyServedUp01'

let emulator: RunningEmulator
let work: string
let root: string
let staging: string
let outside: string
let served: TestService

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
  work = await realpath(await mkdtemp(join(tmpdir(), 'fd-served-uploads-')))
  root = join(work, 'media')
  staging = join(work, 'state', 'staging')
  outside = join(work, 'private')
  await mkdir(join(root, 'album'), { recursive: true })
  await mkdir(staging, { recursive: true })
  await mkdir(outside)
  await writeFile(join(root, 'album', 'one.txt'), 'one')
  await writeFile(join(root, 'album', 'two.txt'), 'two')
  await writeFile(join(outside, 'secret.txt'), 'secret')
  await symlink(join(outside, 'secret.txt'), join(root, 'album', 'secret-link.txt'))
  await symlink(join(root, 'album', 'one.txt'), join(root, 'one-link.txt'))
  await writeFile(join(staging, 'dropped.bin'), 'dropped on the page')
  served = await createTestService({
    apiUrl: emulator.apiUrl,
    key: KEY,
    serverFiles: await openServerRoots([root]),
    uploadSources: uploadSourcesWithin(await openServerRoots([root, staging])),
  })
})

afterAll(async () => {
  await served?.close()
  await emulator.stop()
  await rm(work, { recursive: true, force: true })
})

describe('uploads asked by the served page', () => {
  it('takes files inside the roots (links that stay inside too) and the staging folder', async () => {
    const added = await served.bridge.invoke('transfers:add', {
      kind: 'upload',
      paths: [join(root, 'one-link.txt'), join(staging, 'dropped.bin')],
      folderId: 0,
    })
    expect(added).toMatchObject({ ok: true, value: { rejected: [], duplicates: [] } })
    if (added.ok) expect(added.value.addedIds).toHaveLength(2)
    const items = await waitForTransfers(served.bridge, allFinished)
    expect(items.map((item) => [item.name, item.status, item.source]).sort()).toEqual([
      ['dropped.bin', 'completed', join(staging, 'dropped.bin')],
      ['one-link.txt', 'completed', join(root, 'one-link.txt')],
    ])
    expect(
      emulator.control
        .listFiles(KEY)
        .map((file) => file.name)
        .sort(),
    ).toEqual(['dropped.bin', 'one-link.txt'])
  })

  it('refuses paths outside the roots, with "..", and files of a folder that link out; takes the rest', async () => {
    const added = await served.bridge.invoke('transfers:add', {
      kind: 'upload',
      paths: [join(outside, 'secret.txt'), `${root}/../private/secret.txt`, join(root, 'album'), 'album'],
      folderId: 0,
      start: false,
    })
    expect(added.ok).toBe(true)
    if (!added.ok) return
    expect(added.value.addedIds).toHaveLength(2)
    expect(added.value.rejected).toEqual([
      {
        line: join(outside, 'secret.txt'),
        reason: `"${join(outside, 'secret.txt')}" is not inside the folders this server shares (--root).`,
      },
      {
        line: `${root}/../private/secret.txt`,
        reason: expect.stringContaining('contains "..", which is not accepted'),
      },
      {
        line: join(root, 'album', 'secret-link.txt'),
        reason: expect.stringContaining('leads outside the folders this server shares'),
      },
      { line: 'album', reason: expect.stringContaining('is not a full path') },
    ])
    const queued = served.core.engine.list().items.filter((item) => item.status === 'paused')
    expect(queued.map((item) => item.name).sort()).toEqual(['one.txt', 'two.txt'])
  })

  it('lists the roots for the page', async () => {
    const listing = await served.bridge.invoke('serverFiles:list', { path: join(root, 'album') })
    expect(listing.ok).toBe(true)
    if (listing.ok) expect(listing.value.entries.map((entry) => entry.name)).toContain('one.txt')
    const out = await served.bridge.invoke('serverFiles:list', { path: outside })
    expect(out).toMatchObject({ ok: false, error: { code: 'SERVER_PATH_OUTSIDE' } })
  })
})

describe('the desktop app', () => {
  it('has no server files to list, and says where they are', async () => {
    const desktop = await createTestService()
    try {
      const listing = await desktop.bridge.invoke('serverFiles:list', { path: null })
      expect(listing).toMatchObject({
        ok: false,
        error: { code: 'SERVED_ONLY', message: expect.stringContaining('fichier serve') },
      })
    } finally {
      await desktop.close()
    }
  })
})
