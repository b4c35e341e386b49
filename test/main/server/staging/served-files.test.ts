import { mkdir, mkdtemp, readdir, realpath, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openServedFiles, type ServedFiles } from '../../../../src/main/server/staging/served-files'
import { startEmulator, type RunningEmulator } from '../../../emulator/index'
import { createTestService, type TestService } from '../../../helpers/test-service'
import { waitForTransfers } from '../../../helpers/wait-for-transfers'
import { put, serveStaging, type StagingServer } from './staging-http'

const KEY = 'ServedFilesKeyServedFilesKeySe01'

let emulator: RunningEmulator
let work: string
let root: string
let files: ServedFiles
let server: StagingServer
let service: TestService
let stopFollowing: () => void

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
  work = await realpath(await mkdtemp(join(tmpdir(), 'fd-served-files-')))
  root = join(work, 'media')
  await mkdir(root)
  await writeFile(join(root, 'on-the-server.txt'), 'already here')
  await writeFile(join(work, 'elsewhere.txt'), 'not shared')
  files = await openServedFiles({ stateDir: join(work, 'state'), roots: [root], log: () => undefined })
  server = await serveStaging(files.staging)
  service = await createTestService({ apiUrl: emulator.apiUrl, key: KEY, ...files.core })
  stopFollowing = await files.follow(service.service)
})

afterAll(async () => {
  stopFollowing()
  await service.close()
  await server.close()
  await emulator.stop()
  await rm(work, { recursive: true, force: true })
})

describe('the local files of the served page', () => {
  it('uploads a file sent from the browser and one from a root, then lets the staged copy go', async () => {
    const sent = await put(server.port, '/staging/from-the-browser.txt', {
      headers: { 'X-File-Size': '12' },
      chunks: [Buffer.from('from the tab')],
    })
    const paths = [sent.json?.path ?? '', join(root, 'on-the-server.txt'), join(work, 'elsewhere.txt')]
    const added = await service.bridge.invoke('transfers:add', { kind: 'upload', paths, folderId: 0 })
    expect(added.ok && added.value.addedIds.length).toBe(2)
    expect(added.ok && added.value.rejected.map((line) => line.line)).toEqual([join(work, 'elsewhere.txt')])
    await waitForTransfers(
      service.bridge,
      (items) => items.length === 2 && items.every((item) => item.status === 'completed'),
    )
    expect(
      emulator.control
        .listFiles(KEY)
        .map((file) => file.name)
        .sort(),
    ).toEqual(['from-the-browser.txt', 'on-the-server.txt'])
    await expect.poll(() => readdir(files.staging.dir)).toEqual([])
  })

  it('lists the roots, and nothing else', async () => {
    const listing = await service.bridge.invoke('serverFiles:list', { path: null })
    expect(listing.ok && listing.value.roots).toEqual([root])
    const outside = await service.bridge.invoke('serverFiles:list', { path: work })
    expect(outside).toMatchObject({ ok: false, error: { code: 'SERVER_PATH_OUTSIDE' } })
  })

  it('refuses a --root that does not exist', async () => {
    await expect(
      openServedFiles({
        stateDir: join(work, 'state-2'),
        roots: [join(work, 'absent')],
        log: () => undefined,
      }),
    ).rejects.toMatchObject({ code: 'ROOT_INVALID' })
  })
})
