import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { createTestService, type TestService } from '../../helpers/test-service'

const KEY = 'RemoteKeyRemoteKeyRemoteKeyRem01'

let emulator: RunningEmulator
let service: TestService

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
})
afterAll(async () => {
  await emulator.stop()
})
beforeEach(async () => {
  service = await createTestService({ apiUrl: emulator.apiUrl, key: KEY, client: { listingIntervalMs: 0 } })
  return () => service.close()
})

async function invoke(channel: Parameters<TestService['bridge']['invoke']>[0], input: object) {
  const result = await service.bridge.invoke(channel, input as never)
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value as never
}

describe('remote file operations through the contract', () => {
  it('creates, renames, moves, shares and deletes, as the emulator then shows', async () => {
    const made = (await invoke('remote:createFolder', { parentId: 0, name: 'Projects' })) as {
      id: number
      name: string
    }
    expect(made.name).toBe('Projects')
    const archive = (await invoke('remote:createFolder', { parentId: 0, name: 'Archive' })) as { id: number }
    const file = await emulator.control.createFile({
      key: KEY,
      folderId: made.id,
      name: 'draft.txt',
      content: 'v1',
    })
    const inner = emulator.control.createFolder({ key: KEY, parentId: made.id, name: 'assets' })
    await emulator.control.createFile({ key: KEY, folderId: inner.id, name: 'logo.png', content: 'png' })

    await invoke('remote:rename', { target: { kind: 'file', url: file.url }, name: 'final.txt' })
    await invoke('remote:rename', { target: { kind: 'folder', id: made.id }, name: 'Projects 2026' })
    const listing = (await invoke('remote:list', { folderId: 0, refresh: true })) as {
      folders: Array<{ name: string }>
    }
    expect(listing.folders.map((f) => f.name).sort()).toEqual(['Archive', 'Projects 2026'])
    expect(emulator.control.listFiles(KEY).find((f) => f.id === file.id)?.name).toBe('final.txt')

    const moved = (await invoke('remote:move', {
      selection: { files: [file.url] },
      destinationId: archive.id,
    })) as { moved: number }
    expect(moved.moved).toBe(1)
    expect(emulator.control.listFiles(KEY).find((f) => f.id === file.id)?.folderId).toBe(archive.id)

    const shared = (await invoke('remote:share', { folderId: archive.id })) as { url: string }
    expect(shared.url).toMatch(/\/dir\//)

    const removed = (await invoke('remote:delete', { selection: { folders: [made.id] } })) as {
      removedFiles: number
      removedFolders: number
    }
    expect(removed).toEqual({ removedFiles: 1, removedFolders: 2 })
    expect(emulator.control.listFolders(KEY).map((f) => f.name)).toEqual(['Archive'])
    expect(emulator.control.listFiles(KEY).map((f) => f.name)).toEqual(['final.txt'])
  })

  it('refuses bad names and empty selections with a clear message, before any API call', async () => {
    emulator.control.resetStats()
    for (const [input, message] of [
      [{ parentId: 0, name: '   ' }, 'A name cannot be empty'],
      [{ parentId: 0, name: 'a/b' }, 'slashes or control characters'],
      [{ parentId: 0, name: 'x'.repeat(251) }, 'at most 250 characters'],
    ] as const) {
      const result = await service.bridge.invoke('remote:createFolder', input)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.message).toContain(message)
    }
    const empty = await service.bridge.invoke('remote:delete', { selection: {} })
    expect(empty.ok).toBe(false)
    if (!empty.ok) expect(empty.error.message).toContain('Select at least one file or folder')
    const root = await service.bridge.invoke('remote:rename', {
      target: { kind: 'folder', id: 0 },
      name: 'x',
    })
    expect(root.ok).toBe(false)
    expect(
      Object.keys(emulator.control.stats().requests).filter((path) => path.startsWith('/v1/folder')),
    ).toEqual([])
  })
})

describe('options of files already in the account', () => {
  it('sets a password, description and access rules on several files, then lifts them', async () => {
    const a = await emulator.control.createFile({ key: KEY, name: 'a.pdf', content: 'a' })
    const b = await emulator.control.createFile({ key: KEY, name: 'b.pdf', content: 'b' })
    const untouched = await emulator.control.createFile({ key: KEY, name: 'c.pdf', content: 'c' })

    const set = await invoke('remote:setOptions', {
      files: [a.url, b.url],
      options: { password: 'opensesame', description: 'Contracts', acl: { country: ['FR'], premium: true } },
    })
    expect(set).toEqual({ updated: 2 })
    for (const file of [a, b]) {
      expect(emulator.control.listFiles(KEY).find((f) => f.id === file.id)?.pass, file.url).toBe(true)
      const info = await service.core.client.fileInfo(file.url)
      expect(info.description).toBe('Contracts')
      expect(info.acl?.country).toEqual(['FR'])
      expect(info.acl?.premium).toBe(true)
    }
    expect(emulator.control.listFiles(KEY).find((f) => f.id === untouched.id)?.pass).toBe(false)
    const listed = (await invoke('remote:list', { folderId: 0, refresh: true })) as {
      files: Array<{ name: string; protected: boolean }>
    }
    expect(
      listed.files
        .filter((f) => f.protected)
        .map((f) => f.name)
        .sort(),
    ).toEqual(['a.pdf', 'b.pdf'])

    await invoke('remote:setOptions', { files: [a.url], options: { password: '', description: '' } })
    expect(emulator.control.listFiles(KEY).find((f) => f.id === a.id)?.pass).toBe(false)
    expect((await service.core.client.fileInfo(a.url)).description ?? '').toBe('')
    expect(emulator.control.listFiles(KEY).find((f) => f.id === b.id)?.pass).toBe(true)
  })

  it('refuses a short password and an empty change with a clear error, changing nothing', async () => {
    const file = await emulator.control.createFile({ key: KEY, name: 'd.pdf', content: 'd' })
    const short = await service.bridge.invoke('remote:setOptions', {
      files: [file.url],
      options: { password: 'abc' },
    })
    expect(short).toMatchObject({ ok: false })
    if (!short.ok) expect(short.error.message).toContain('at least 6 characters')
    const empty = await service.bridge.invoke('remote:setOptions', { files: [file.url], options: {} })
    expect(empty).toMatchObject({ ok: false, error: { code: 'NOTHING_TO_CHANGE' } })
    const none = await service.bridge.invoke('remote:setOptions', { files: [], options: { cdn: true } })
    expect(none).toMatchObject({ ok: false })
    if (!none.ok) expect(none.error.message).toContain('Select at least one file')
    expect(emulator.control.listFiles(KEY).find((f) => f.id === file.id)?.pass).toBe(false)
  })
})
