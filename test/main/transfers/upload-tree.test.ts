import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { createTestService, type TestService } from '../../helpers/test-service'
import { allFinished, waitForTransfers } from '../../helpers/wait-for-transfers'

const KEY = 'TreeKeyTreeKeyTreeKeyTreeKeyTr01'

let emulator: RunningEmulator
let service: TestService
let local: string

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
  service = await createTestService({ apiUrl: emulator.apiUrl, key: KEY, client: { callsPerSecond: 50 } })
  local = await mkdtemp(join(tmpdir(), 'fd-big-tree-'))
})

afterAll(async () => {
  await service.close()
  await emulator.stop()
  await rm(local, { recursive: true, force: true })
})

describe('a dropped folder tree', () => {
  it('of 200 files in 20 folders appears remotely with the same structure and bytes', async () => {
    // archive/ holds 4 groups, each with 4 sub-folders: 1 + 4 + 16 = 21 folders, 20 of them holding files.
    const expected = new Map<string, string>()
    let n = 0
    for (let g = 0; g < 4; g++) {
      for (let s = 0; s < 5; s++) {
        const dir = s === 0 ? join('archive', `group-${g}`) : join('archive', `group-${g}`, `part-${s}`)
        await mkdir(join(local, dir), { recursive: true })
        for (let f = 0; f < 10; f++) {
          const path = join(dir, `file-${n}.txt`)
          expected.set(path, `content of file ${n} `.repeat((n % 7) + 1))
          await writeFile(join(local, path), expected.get(path)!)
          n++
        }
      }
    }
    expect(expected.size).toBe(200)
    await service.bridge.invoke('settings:update', { maxActive: 8 })
    const added = await service.bridge.invoke('transfers:add', {
      kind: 'upload',
      paths: [join(local, 'archive')],
      folderId: 0,
    })
    expect(added.ok && added.value.addedIds).toHaveLength(200)
    const items = await waitForTransfers(service.bridge, allFinished, 120_000)
    expect(items.filter((i) => i.status !== 'completed')).toEqual([])

    const folders = emulator.control.listFolders(KEY)
    const byId = new Map(folders.map((f) => [f.id, f]))
    const pathOf = (folderId: number): string => {
      const folder = byId.get(folderId)
      return folder ? join(pathOf(folder.parentId), folder.name) : ''
    }
    expect(folders).toHaveLength(21)
    const remote = emulator.control.listFiles(KEY).map((f) => [join(pathOf(f.folderId), f.name), f] as const)
    expect(remote.map(([path]) => path).sort()).toEqual([...expected.keys()].sort())
    for (const [path, summary] of remote) {
      expect(emulator.control.readFile(KEY, summary.id).toString(), path).toBe(expected.get(path))
    }
  }, 150_000)
})
