import { lstat, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { createTestService, type TestService } from '../../helpers/test-service'
import { allFinished, waitForTransfers } from '../../helpers/wait-for-transfers'

const KEY = 'GrantsKeyGrantsKeyGrantsKeyGra01'

let emulator: RunningEmulator
/** Somewhere the page was never given: a stand-in for ~/.config, /etc… */
let elsewhere: string
/** What the (scripted) native folder dialog answers. */
let picked: string

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
})
afterAll(async () => {
  await emulator.stop()
})

beforeEach(async () => {
  emulator.control.reset()
  elsewhere = await mkdtemp(join(tmpdir(), 'fd-elsewhere-'))
  picked = await mkdtemp(join(tmpdir(), 'fd-picked-'))
})
afterEach(async () => {
  await rm(elsewhere, { recursive: true, force: true })
  await rm(picked, { recursive: true, force: true })
})

async function withService(run: (service: TestService) => Promise<void>): Promise<void> {
  const service = await createTestService({ apiUrl: emulator.apiUrl, key: KEY, pickFolder: picked })
  try {
    await mkdir(service.downloadsDir, { recursive: true })
    await run(service)
  } finally {
    await service.close()
  }
}

const queued = async (service: TestService) => {
  const list = await service.bridge.invoke('transfers:list', {})
  return list.ok ? list.value.items : []
}

describe('where the window may download', () => {
  it('refuses an absolute folder that is neither the download folder nor picked, and queues nothing', () =>
    withService(async (service) => {
      const file = await emulator.control.createFile({ key: KEY, name: 'a.txt', content: 'a' })
      const added = await service.bridge.invoke('transfers:add', {
        kind: 'download',
        links: [{ url: file.url }],
        targetDir: elsewhere,
      })
      expect(added).toMatchObject({ ok: false, error: { code: 'INVALID_TARGET_DIR' } })
      if (!added.ok) expect(added.error.message).toMatch(/chosen with "Choose…"/)
      expect(await queued(service)).toEqual([])
      expect(await readdir(elsewhere)).toEqual([])
    }))

  it('accepts a folder picked in the native dialog, and the folders inside it', () =>
    withService(async (service) => {
      const file = await emulator.control.createFile({ key: KEY, name: 'b.txt', content: 'bee' })
      const refused = await service.bridge.invoke('transfers:add', {
        kind: 'download',
        links: [{ url: file.url }],
        targetDir: picked,
      })
      expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_TARGET_DIR' } })

      expect(await service.bridge.invoke('dialog:pickFolder', {})).toEqual({
        ok: true,
        value: { path: picked },
      })
      const inside = join(picked, 'Sub')
      const added = await service.bridge.invoke('transfers:add', {
        kind: 'download',
        links: [{ url: file.url }],
        targetDir: inside,
      })
      expect(added).toMatchObject({ ok: true })
      await waitForTransfers(service.bridge, allFinished)
      expect(await readFile(join(inside, 'b.txt'), 'utf8')).toBe('bee')
    }))

  it('refuses a relative folder that leads out of the download folder through a symbolic link', () =>
    withService(async (service) => {
      await symlink(elsewhere, join(service.downloadsDir, 'Shortcut'), 'dir')
      const file = await emulator.control.createFile({ key: KEY, name: 'c.txt', content: 'c' })
      const added = await service.bridge.invoke('transfers:add', {
        kind: 'download',
        links: [{ url: file.url }],
        targetDir: join('Shortcut', 'autostart'),
      })
      expect(added).toMatchObject({ ok: false, error: { code: 'INVALID_TARGET_DIR' } })
      if (!added.ok) expect(added.error.message).toMatch(/through a symbolic link/)
      expect(await queued(service)).toEqual([])
      expect(await readdir(elsewhere)).toEqual([])
    }))

  it('gives hidden folder and file names a visible form', () =>
    withService(async (service) => {
      const file = await emulator.control.createFile({ key: KEY, name: '.bashrc', content: 'rm -rf ~' })
      const added = await service.bridge.invoke('transfers:add', {
        kind: 'download',
        links: [{ url: file.url }],
        targetDir: join('.config', 'autostart'),
      })
      expect(added).toMatchObject({ ok: true })
      const [item] = await waitForTransfers(service.bridge, allFinished)
      expect(item).toMatchObject({ status: 'completed', name: '_.bashrc' })
      expect(await readdir(service.downloadsDir)).toEqual(['_.config'])
      expect(await readFile(join(service.downloadsDir, '_.config', 'autostart', '_.bashrc'), 'utf8')).toBe(
        'rm -rf ~',
      )
    }))

  it('lets the page move the download folder only to a picked folder (or inside the current one)', () =>
    withService(async (service) => {
      const moved = await service.bridge.invoke('settings:update', { downloadDir: elsewhere })
      expect(moved).toMatchObject({ ok: false, error: { code: 'INVALID_SETTINGS' } })
      if (!moved.ok) expect(moved.error.message).toMatch(/^downloadDir: choose the new download folder/)
      expect(service.core.settings.get().downloadDir).toBe('')

      const relative = await service.bridge.invoke('settings:update', { downloadDir: 'Films' })
      expect(relative).toMatchObject({ ok: false, error: { code: 'INVALID_SETTINGS' } })
      if (!relative.ok) expect(relative.error.message).toMatch(/^downloadDir: give the full path/)

      const inside = join(service.downloadsDir, 'Films')
      expect(await service.bridge.invoke('settings:update', { downloadDir: inside })).toMatchObject({
        ok: true,
      })
      await service.bridge.invoke('dialog:pickFolder', {})
      expect(await service.bridge.invoke('settings:update', { downloadDir: picked })).toMatchObject({
        ok: true,
      })
      expect(await service.bridge.invoke('settings:update', { downloadDir: '' })).toMatchObject({ ok: true })
    }))
})

describe('overwriting', () => {
  it('replaces what is at the name inside the folder, never a file a symbolic link points to', () =>
    withService(async (service) => {
      const victim = join(elsewhere, 'victim.txt')
      await writeFile(victim, 'precious')
      await symlink(victim, join(service.downloadsDir, 'notes.txt'))
      await service.bridge.invoke('settings:update', { conflict: 'overwrite' })
      const file = await emulator.control.createFile({ key: KEY, name: 'notes.txt', content: 'new notes' })
      const escaping = await emulator.control.createFile({
        key: KEY,
        name: '../victim.txt',
        content: 'escaped',
      })
      const added = await service.bridge.invoke('transfers:add', {
        kind: 'download',
        links: [{ url: file.url }, { url: escaping.url }],
      })
      expect(added).toMatchObject({ ok: true })
      const items = await waitForTransfers(service.bridge, allFinished)
      expect(items.map((item) => item.status)).toEqual(['completed', 'completed'])

      expect(await readFile(victim, 'utf8')).toBe('precious')
      expect(await readdir(elsewhere)).toEqual(['victim.txt'])
      const landed = join(service.downloadsDir, 'notes.txt')
      expect((await lstat(landed)).isSymbolicLink()).toBe(false)
      expect(await readFile(landed, 'utf8')).toBe('new notes')
      const names = (await readdir(service.downloadsDir)).sort()
      expect(names).toHaveLength(2)
      expect(names.every((name) => !name.includes('/') && !name.startsWith('.'))).toBe(true)
    }))
})
