import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { whirlpool } from 'hash-wasm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { syntheticBytes } from '../../emulator/synthetic'
import { createTestService, type TestService } from '../../helpers/test-service'
import { allFinished, waitForTransfers } from '../../helpers/wait-for-transfers'

const KEY = 'EngineKeyEngineKeyEngineKeyEng01'
const MiB = 1024 * 1024

let emulator: RunningEmulator
let service: TestService

beforeAll(async () => {
  emulator = await startEmulator({
    rateLimits: false,
    keys: [{ key: KEY, tier: 'premium', email: 'engine@example.com' }],
  })
})

afterAll(async () => {
  await emulator.stop()
})

beforeEach(async () => {
  emulator.control.reset()
  service = await createTestService({
    apiUrl: emulator.apiUrl,
    key: KEY,
    engine: { minSegment: 256 * 1024, remotePollMs: 100 },
  })
  return () => service.close()
})

async function invoke<C extends Parameters<TestService['bridge']['invoke']>[0]>(
  channel: C,
  input: Parameters<TestService['bridge']['invoke']>[1] & object,
) {
  const result = await service.bridge.invoke(channel, input as never)
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
  return result.value
}

describe('the transfer engine behind the contract', () => {
  it('downloads every file of a messy paste, expanding folder links and reporting the rest', async () => {
    const a = await emulator.control.createFile({
      key: KEY,
      name: 'alpha.bin',
      synthetic: { size: 3 * MiB, seed: 1 },
    })
    const b = await emulator.control.createFile({ key: KEY, name: 'beta.txt', content: 'beta' })
    const folder = emulator.control.createFolder({ key: KEY, name: 'Shared stuff' })
    await emulator.control.createFile({
      key: KEY,
      folderId: folder.id,
      name: 'gamma.bin',
      synthetic: { size: MiB, seed: 3 },
    })
    await emulator.control.createFile({ key: KEY, folderId: folder.id, name: 'delta.txt', content: 'delta' })
    const shared = emulator.control.shareFolder({ key: KEY, folderId: folder.id })
    const paste = [
      `Here you go: ${a.url}&af=12345 (part 1)`,
      `<${b.url}>`,
      `again ${a.url}`,
      `folder: ${shared.url}`,
      'https://1fichier.com/?abc',
      'https://example.com/?not1fichier',
      'nothing to see here',
    ].join('\n')

    const added = await invoke('transfers:add', { kind: 'download', text: paste })
    expect(added.addedIds).toHaveLength(4)
    expect(added.duplicates).toHaveLength(1)
    expect(added.rejected.map((r) => r.line).join('\n')).toContain('https://1fichier.com/?abc')

    const items = await waitForTransfers(service.bridge, allFinished)
    expect(items.map((i) => [i.name, i.status]).sort()).toEqual([
      ['alpha.bin', 'completed'],
      ['beta.txt', 'completed'],
      ['delta.txt', 'completed'],
      ['gamma.bin', 'completed'],
    ])
    const group = items.filter((i) => i.groupId)
    expect(new Set(group.map((i) => i.groupId)).size).toBe(1)
    expect(group.map((i) => i.name).sort()).toEqual(['delta.txt', 'gamma.bin'])
    expect((await readFile(join(service.downloadsDir, 'alpha.bin'))).equals(syntheticBytes(1, 3 * MiB))).toBe(
      true,
    )
    expect(await readFile(join(service.downloadsDir, 'beta.txt'), 'utf8')).toBe('beta')
    expect((await readFile(join(service.downloadsDir, 'gamma.bin'))).equals(syntheticBytes(3, MiB))).toBe(
      true,
    )
    expect(await readFile(join(service.downloadsDir, 'delta.txt'), 'utf8')).toBe('delta')

    const again = await invoke('transfers:add', { kind: 'download', text: a.url })
    expect(again).toEqual({ addedIds: [], duplicates: [expect.any(String)], rejected: [] })
  })

  it('pauses and resumes a download without fetching twice what is on disk', async () => {
    const size = 24 * MiB
    const file = await emulator.control.createFile({
      key: KEY,
      name: 'slow.bin',
      synthetic: { size, seed: 9 },
    })
    emulator.control.setSpeedCap(4 * MiB)
    emulator.control.resetStats()
    const { addedIds } = await invoke('transfers:add', { kind: 'download', text: file.url })
    await waitForTransfers(service.bridge, (items) => items[0]!.status === 'active')
    await new Promise((resolve) => setTimeout(resolve, 800))
    expect(await invoke('transfers:pause', { ids: addedIds })).toEqual({ affected: addedIds })
    const [paused] = await waitForTransfers(service.bridge, (items) => items[0]!.status === 'paused')
    expect(paused!.bytesDone).toBeGreaterThan(0)
    expect(paused!.bytesDone).toBeLessThan(size)
    emulator.control.setSpeedCap(0)
    await invoke('transfers:resume', { all: true })
    const [done] = await waitForTransfers(service.bridge, allFinished)
    expect(done).toMatchObject({ status: 'completed', bytesDone: size, bytesTotal: size })
    expect((await readFile(join(service.downloadsDir, 'slow.bin'))).equals(syntheticBytes(9, size))).toBe(
      true,
    )
    expect(await readdir(service.downloadsDir)).toEqual(['slow.bin'])
    // What was on disk at the pause was not fetched again; only hand-off overlap (bounded) was.
    expect(emulator.control.stats().bytesServed).toBeLessThan(size * 1.1)
  })

  it('uploads a dropped folder tree into the same structure remotely, reusing existing folders', async () => {
    const local = await mkdtemp(join(tmpdir(), 'fd-tree-'))
    try {
      const tree: Record<string, string> = {
        'photos/2024/a.jpg': 'a'.repeat(1000),
        'photos/2024/b.jpg': 'b'.repeat(2000),
        'photos/2025/c.jpg': 'c'.repeat(3000),
        'photos/readme.txt': 'hello',
        'photos/empty.txt': '',
      }
      for (const [path, content] of Object.entries(tree)) {
        await mkdir(join(local, path, '..'), { recursive: true })
        await writeFile(join(local, path), content)
      }
      const existing = emulator.control.createFolder({ key: KEY, name: 'photos' })
      const added = await invoke('transfers:add', {
        kind: 'upload',
        paths: [join(local, 'photos')],
        folderId: 0,
      })
      expect(added.addedIds).toHaveLength(4)
      expect(added.rejected).toEqual([
        { line: join(local, 'photos/empty.txt'), reason: '1fichier does not accept empty files.' },
      ])
      const items = await waitForTransfers(service.bridge, allFinished)
      expect(items.every((i) => i.status === 'completed' && i.link?.startsWith('https://'))).toBe(true)
      // The checksum 1fichier reported matched the bytes sent, and is kept on the item.
      const a = items.find((i) => i.name === 'a.jpg')!
      expect(a.checksum).toBe(await whirlpool(tree['photos/2024/a.jpg']!))

      const folders = emulator.control.listFolders(KEY)
      const files = emulator.control.listFiles(KEY)
      const photos = folders.filter((f) => f.name === 'photos')
      expect(photos).toHaveLength(1)
      expect(photos[0]!.id).toBe(existing.id)
      const y2024 = folders.find((f) => f.name === '2024')!
      const y2025 = folders.find((f) => f.name === '2025')!
      expect(y2024.parentId).toBe(existing.id)
      expect(y2025.parentId).toBe(existing.id)
      const where = (name: string) => files.find((f) => f.name === name)?.folderId
      expect(where('a.jpg')).toBe(y2024.id)
      expect(where('b.jpg')).toBe(y2024.id)
      expect(where('c.jpg')).toBe(y2025.id)
      expect(where('readme.txt')).toBe(existing.id)
    } finally {
      await rm(local, { recursive: true, force: true })
    }
  })

  it('keeps the queue across a restart and finishes it afterwards', async () => {
    const file = await emulator.control.createFile({
      key: KEY,
      name: 'later.bin',
      synthetic: { size: 2 * MiB, seed: 4 },
    })
    const { addedIds } = await invoke('transfers:add', { kind: 'download', text: file.url, start: false })
    const dataDir = service.dataDir
    await service.core.close()
    const reopened = await createTestService({ apiUrl: emulator.apiUrl, key: KEY, dataDir })
    try {
      const listed = await reopened.bridge.invoke('transfers:list', {})
      expect(listed.ok && listed.value.items.map((i) => [i.id, i.status])).toEqual([[addedIds[0], 'paused']])
      await reopened.bridge.invoke('transfers:resume', { all: true })
      const [done] = await waitForTransfers(reopened.bridge, allFinished)
      expect(done!.status).toBe('completed')
      expect(
        (await readFile(join(dataDir, 'downloads', 'later.bin'))).equals(syntheticBytes(4, 2 * MiB)),
      ).toBe(true)
    } finally {
      await reopened.core.close()
    }
  })

  it('sends remote uploads added together in one request, polls them together, and records each link', async () => {
    const origin: Server = createServer((req, res) => {
      if (req.url === '/missing.bin') {
        res.statusCode = 404
        res.end()
      } else res.end(`remote bytes of ${req.url}`)
    })
    await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve))
    try {
      const base = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`
      const urls = [`${base}/a.bin`, `${base}/b.bin`, `${base}/missing.bin`]
      emulator.control.resetStats()
      const added = await invoke('transfers:add', { kind: 'remote-upload', urls, folderId: 0 })
      expect(added.addedIds).toHaveLength(3)
      const items = await waitForTransfers(service.bridge, allFinished)
      const bySource = new Map(items.map((i) => [i.source, i]))
      for (const url of urls.slice(0, 2)) {
        const item = bySource.get(url)!
        expect(item).toMatchObject({ kind: 'remote-upload', status: 'completed' })
        expect(item.link).toMatch(/^https:\/\/1fichier\.com\/\?[a-z0-9]{20}$/)
        expect(emulator.control.listFiles(KEY).some((f) => item.link!.endsWith(f.id))).toBe(true)
      }
      expect(bySource.get(urls[2]!)).toMatchObject({ status: 'failed', error: { code: 'UPLOAD_REFUSED' } })
      const requests = emulator.control.stats().requests
      expect(requests['/v1/remote/request.cgi']).toBe(1)
      expect(requests['/v1/remote/info.cgi']).toBe(1)
    } finally {
      origin.close()
    }
  })

  it('waits for an API key instead of failing, then starts when one is set', async () => {
    const file = await emulator.control.createFile({ key: KEY, name: 'keyless.txt', content: 'waited' })
    await service.close()
    service = await createTestService({ apiUrl: emulator.apiUrl })
    emulator.control.resetStats()
    const { addedIds } = await invoke('transfers:add', { kind: 'download', text: file.url })
    await new Promise((resolve) => setTimeout(resolve, 300))
    const listed = await invoke('transfers:list', {})
    expect(listed.items.map((i) => [i.id, i.status])).toEqual([[addedIds[0], 'queued']])
    expect(emulator.control.stats().requests['/v1/download/get_token.cgi'] ?? 0).toBe(0)
    await invoke('account:setKey', { key: KEY, persist: 'session' })
    const [done] = await waitForTransfers(service.bridge, allFinished)
    expect(done!.status).toBe('completed')
    expect(await readFile(join(service.downloadsDir, 'keyless.txt'), 'utf8')).toBe('waited')
  })

  it('rides out a flood lock without user action', async () => {
    await service.close()
    service = await createTestService({
      apiUrl: emulator.apiUrl,
      key: KEY,
      client: { floodLock: { floodMs: 1500, ipLockedMs: 1500 } },
    })
    const files = await Promise.all(
      [1, 2, 3].map((n) =>
        emulator.control.createFile({ key: KEY, name: `flood-${n}.txt`, content: `flood ${n}` }),
      ),
    )
    const paused: Array<number | null> = []
    const unsubscribe = service.bridge.on('api:paused', (event) => paused.push(event.until))
    emulator.control.floodLockNow(1000)
    await invoke('transfers:add', { kind: 'download', text: files.map((f) => f.url).join(' ') })
    const items = await waitForTransfers(service.bridge, allFinished)
    unsubscribe()
    expect(items.every((i) => i.status === 'completed')).toBe(true)
    expect(paused[0]).toEqual(expect.any(Number))
    expect(paused.at(-1)).toBeNull()
    for (const n of [1, 2, 3])
      expect(await readFile(join(service.downloadsDir, `flood-${n}.txt`), 'utf8')).toBe(`flood ${n}`)
  })

  it('applies upload options once the file is in, and refuses a short password up front', async () => {
    const local = await mkdtemp(join(tmpdir(), 'fd-options-'))
    try {
      await writeFile(join(local, 'secret.txt'), 'classified')
      const refused = await service.bridge.invoke('transfers:add', {
        kind: 'upload',
        paths: [join(local, 'secret.txt')],
        folderId: 0,
        options: { password: '123' },
      })
      expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      if (!refused.ok) expect(refused.error.message).toContain('at least 6 characters')

      await invoke('transfers:add', {
        kind: 'upload',
        paths: [join(local, 'secret.txt')],
        folderId: 0,
        options: { password: 'hunter22', description: 'for your eyes only' },
      })
      const [done] = await waitForTransfers(service.bridge, allFinished)
      expect(done!.status).toBe('completed')
      const stored = emulator.control.listFiles(KEY).find((f) => done!.link!.endsWith(f.id))
      expect(stored).toMatchObject({ name: 'secret.txt', pass: true })
    } finally {
      await rm(local, { recursive: true, force: true })
    }
  })

  it('reorders the queue, and what starts next follows the order', async () => {
    const links = await Promise.all(
      ['one', 'two', 'three', 'four'].map(
        async (name) =>
          (await emulator.control.createFile({ key: KEY, name: `${name}.txt`, content: name })).url,
      ),
    )
    const { addedIds } = await invoke('transfers:add', {
      kind: 'download',
      text: links.join('\n'),
      start: false,
    })
    await invoke('transfers:reorder', { ids: [addedIds[3]!], to: 'top' })
    await invoke('transfers:reorder', { ids: [addedIds[0]!], to: 'bottom' })
    await invoke('transfers:reorder', { ids: [addedIds[2]!], to: 'up' })
    const order = (await invoke('transfers:list', {})).items.map((i) => i.id)
    expect(order).toEqual([addedIds[3], addedIds[2], addedIds[1], addedIds[0]])
    expect(await invoke('transfers:reorder', { ids: [addedIds[3]!], to: 'up' })).toEqual({ affected: [] })
  })

  it('skips an upload already in the folder when the setting says so', async () => {
    const local = await mkdtemp(join(tmpdir(), 'fd-dup-'))
    try {
      await writeFile(join(local, 'report.pdf'), 'same bytes')
      await writeFile(join(local, 'other.pdf'), 'other bytes')
      const existing = await emulator.control.createFile({
        key: KEY,
        name: 'report.pdf',
        content: 'same bytes',
      })
      await invoke('settings:update', { uploadDuplicates: 'skip' })
      await invoke('transfers:add', {
        kind: 'upload',
        paths: [join(local, 'report.pdf'), join(local, 'other.pdf')],
        folderId: 0,
      })
      const items = await waitForTransfers(service.bridge, allFinished)
      const report = items.find((i) => i.name === 'report.pdf')!
      expect(report).toMatchObject({ status: 'completed', link: existing.url })
      expect(report.note).toContain('skipped')
      expect(items.find((i) => i.name === 'other.pdf')!.note).toBeUndefined()
      const names = emulator.control.listFiles(KEY).map((f) => f.name)
      expect(names.filter((n) => n === 'report.pdf')).toHaveLength(1)
      expect(names.filter((n) => n === 'other.pdf')).toHaveLength(1)
    } finally {
      await rm(local, { recursive: true, force: true })
    }
  })

  it('finds and names uploads through the mapping of characters 1fichier refuses, and says so', async () => {
    const local = await mkdtemp(join(tmpdir(), 'fd-names-'))
    try {
      await writeFile(join(local, "it's.pdf"), 'same bytes')
      await writeFile(join(local, '$ales.pdf'), 'new bytes')
      const existing = await emulator.control.createFile({
        key: KEY,
        name: 'it＇s.pdf',
        content: 'same bytes',
      })
      await invoke('settings:update', { uploadDuplicates: 'skip' })
      await invoke('transfers:add', {
        kind: 'upload',
        paths: [join(local, "it's.pdf"), join(local, '$ales.pdf')],
        folderId: 0,
      })
      const items = await waitForTransfers(service.bridge, allFinished)
      expect(items.find((i) => i.name === "it's.pdf")).toMatchObject({
        status: 'completed',
        link: existing.url,
      })
      const sales = items.find((i) => i.name === '$ales.pdf')!
      expect(sales.status).toBe('completed')
      expect(sales.note).toMatch(/^Named “＄ales\.pdf” on 1fichier/)
      expect(emulator.control.listFiles(KEY).find((f) => f.url === sales.link)?.name).toBe('＄ales.pdf')
    } finally {
      await rm(local, { recursive: true, force: true })
    }
  })

  it('verifies downloads against checksums from a listing or, when asked, from file/info', async () => {
    await service.close()
    service = await createTestService({ apiUrl: emulator.apiUrl, key: KEY, engine: { maxAttempts: 1 } })
    const good = await emulator.control.createFile({
      key: KEY,
      name: 'listed.bin',
      synthetic: { size: MiB, seed: 41 },
    })
    const asked = await emulator.control.createFile({
      key: KEY,
      name: 'asked.bin',
      synthetic: { size: MiB, seed: 42 },
    })
    const lying = await emulator.control.createFile({
      key: KEY,
      name: 'lying.bin',
      synthetic: { size: MiB, seed: 43 },
    })
    const goodSum = (await emulator.control.checksum(good.id))!
    emulator.control.resetStats()
    await invoke('transfers:add', {
      kind: 'download',
      links: [
        { url: good.url, checksum: goodSum, name: 'listed.bin', size: MiB },
        { url: lying.url, checksum: 'f'.repeat(128) },
      ],
    })
    await invoke('transfers:add', { kind: 'download', text: asked.url, verify: true })
    const items = await waitForTransfers(service.bridge, allFinished)
    const byName = new Map(items.map((i) => [i.source, i]))
    expect(byName.get(good.url)).toMatchObject({ status: 'completed', name: 'listed.bin' })
    expect(byName.get(asked.url)).toMatchObject({ status: 'completed', name: 'asked.bin' })
    expect(byName.get(lying.url)).toMatchObject({ status: 'failed', error: { code: 'CHECKSUM_MISMATCH' } })
    expect(emulator.control.stats().requests['/v1/file/info.cgi']).toBe(1)
    expect((await readdir(service.downloadsDir)).sort()).toEqual(['asked.bin', 'listed.bin'])
  })
})
