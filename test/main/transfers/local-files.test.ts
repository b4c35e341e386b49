import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { createTestService, type TestService } from '../../helpers/test-service'
import { allFinished, waitForTransfers } from '../../helpers/wait-for-transfers'

const KEY = 'LocalFilesKeyLocalFilesKeyLoca01'

let emulator: RunningEmulator
let service: TestService

beforeAll(async () => {
  emulator = await startEmulator({
    rateLimits: false,
    keys: [{ key: KEY, tier: 'premium', email: 'local@example.com' }],
  })
})

afterAll(async () => {
  await emulator.stop()
})

beforeEach(async () => {
  emulator.control.reset()
  service = await createTestService({ apiUrl: emulator.apiUrl, key: KEY })
  return () => service.close()
})

describe('where downloads land', () => {
  it('puts a relative target folder inside the download folder, creating it', async () => {
    const file = await emulator.control.createFile({ key: KEY, name: 'sea.jpg', content: 'sea water' })
    const added = await service.bridge.invoke('transfers:add', {
      kind: 'download',
      links: [{ url: file.url }],
      targetDir: join('Photos', 'Summer'),
    })
    expect(added).toMatchObject({ ok: true })
    await waitForTransfers(service.bridge, allFinished)
    expect(await readFile(join(service.downloadsDir, 'Photos', 'Summer', 'sea.jpg'), 'utf8')).toBe(
      'sea water',
    )
  })

  it('refuses a relative target folder that leaves the download folder, and queues nothing', async () => {
    const file = await emulator.control.createFile({ key: KEY, name: 'x.bin', content: 'x' })
    const added = await service.bridge.invoke('transfers:add', {
      kind: 'download',
      links: [{ url: file.url }],
      targetDir: join('..', 'elsewhere'),
    })
    expect(added).toMatchObject({ ok: false, error: { code: 'INVALID_TARGET_DIR' } })
    if (!added.ok) expect(added.error.message).toContain('would leave the download folder')
    const list = await service.bridge.invoke('transfers:list', {})
    expect(list.ok && list.value.items).toEqual([])
  })
})

describe('opening the local file of a transfer', () => {
  it('opens a finished download and shows its folder while it is unfinished', async () => {
    const done = await emulator.control.createFile({ key: KEY, name: 'report.pdf', content: 'pdf bytes' })
    const held = await emulator.control.createFile({ key: KEY, name: 'later.bin', content: 'later' })
    const first = await service.bridge.invoke('transfers:add', { kind: 'download', text: done.url })
    const second = await service.bridge.invoke('transfers:add', {
      kind: 'download',
      text: held.url,
      start: false,
    })
    if (!first.ok || !second.ok) throw new Error('could not add the downloads')
    const [doneId] = first.value.addedIds
    const [heldId] = second.value.addedIds
    await waitForTransfers(service.bridge, (items) =>
      items.some((i) => i.id === doneId && i.status === 'completed'),
    )

    const opened = await service.bridge.invoke('transfers:open', { id: doneId ?? '' })
    const finalPath = join(service.downloadsDir, 'report.pdf')
    expect(opened).toEqual({ ok: true, value: { path: finalPath } })

    const notYet = await service.bridge.invoke('transfers:open', { id: heldId ?? '' })
    expect(notYet).toMatchObject({ ok: false, error: { code: 'NOT_FINISHED' } })
    const revealed = await service.bridge.invoke('transfers:open', { id: heldId ?? '', reveal: true })
    expect(revealed).toEqual({ ok: true, value: { path: service.downloadsDir } })

    expect(service.opened).toEqual([
      { path: finalPath, reveal: false },
      { path: service.downloadsDir, reveal: true },
    ])
  })

  it('says when the file was moved or deleted since, and opens nothing', async () => {
    const file = await emulator.control.createFile({ key: KEY, name: 'gone.txt', content: 'soon gone' })
    const added = await service.bridge.invoke('transfers:add', { kind: 'download', text: file.url })
    if (!added.ok) throw new Error('could not add the download')
    await waitForTransfers(service.bridge, allFinished)
    await rm(join(service.downloadsDir, 'gone.txt'))

    const result = await service.bridge.invoke('transfers:open', { id: added.value.addedIds[0] ?? '' })
    expect(result).toMatchObject({ ok: false, error: { code: 'FILE_MISSING' } })
    if (!result.ok) expect(result.error.message).toContain('gone.txt is no longer there')
    expect(service.opened).toEqual([])
  })

  it("opens an upload's local source, and refuses an unknown transfer", async () => {
    const local = join(service.dataDir, 'to-send')
    await mkdir(local, { recursive: true })
    const path = join(local, 'notes.txt')
    await writeFile(path, 'my notes')
    const added = await service.bridge.invoke('transfers:add', { kind: 'upload', paths: [path], folderId: 0 })
    if (!added.ok) throw new Error('could not add the upload')

    const result = await service.bridge.invoke('transfers:open', {
      id: added.value.addedIds[0] ?? '',
      reveal: true,
    })
    expect(result).toEqual({ ok: true, value: { path } })
    const unknown = await service.bridge.invoke('transfers:open', { id: 'no-such-transfer' })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(service.opened).toEqual([{ path, reveal: true }])
  })
})
