import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventPayload } from '../../../src/shared/contract'
import { TransferHistory } from '../../../src/main/core/history/transfer-history'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { createTestService } from '../../helpers/test-service'
import { allFinished, waitForTransfers } from '../../helpers/wait-for-transfers'

const KEY = 'HistoryKeyHistoryKeyHistoryKe001'

let emulator: RunningEmulator
let dataDir: string

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
  dataDir = await mkdtemp(join(tmpdir(), 'fd-history-'))
})

afterAll(async () => {
  await emulator.stop()
  await rm(dataDir, { recursive: true, force: true })
})

describe('the transfer history', () => {
  it('keeps finished transfers after they leave the queue, across restarts, until the user clears them', async () => {
    const a = await emulator.control.createFile({ key: KEY, name: 'a.txt', content: 'first file' })
    const b = await emulator.control.createFile({ key: KEY, name: 'b.txt', content: 'second file' })
    const service = await createTestService({ apiUrl: emulator.apiUrl, key: KEY, dataDir })
    const events: EventPayload<'history:changed'>[] = []
    const unsubscribe = service.bridge.on('history:changed', (change) => events.push(change))
    try {
      const added = await service.bridge.invoke('transfers:add', {
        kind: 'download',
        text: `${a.url}\n${b.url}`,
      })
      expect(added.ok).toBe(true)
      const items = await waitForTransfers(service.bridge, (list) => list.length === 2 && allFinished(list))
      expect(items.map((item) => item.status)).toEqual(['completed', 'completed'])

      // The history keeps an entry once it is on disk, which may be just after the queue says completed.
      const names = async () => {
        const listed = await service.bridge.invoke('history:list', {})
        return listed.ok && listed.value.items.map((item) => item.name).sort()
      }
      await expect.poll(names, { timeout: 10_000 }).toEqual(['a.txt', 'b.txt'])
      expect(events.flatMap((change) => change.upserts.map((entry) => entry.name)).sort()).toEqual([
        'a.txt',
        'b.txt',
      ])

      // Removing the finished transfers from the queue leaves the history as it was.
      const removed = await service.bridge.invoke('transfers:remove', { all: true })
      expect(removed.ok && removed.value.affected).toHaveLength(2)
      const after = await service.bridge.invoke('history:list', {})
      expect(after.ok && after.value.items.map((item) => item.link ?? item.source).sort()).toEqual(
        [a.url, b.url].sort(),
      )
    } finally {
      unsubscribe()
      await service.close()
    }

    // On disk, readable by another process while nothing has it open, and again by a new core.
    expect((await TransferHistory.read(join(dataDir, 'history'))).map((entry) => entry.name).sort()).toEqual([
      'a.txt',
      'b.txt',
    ])
    const again = await createTestService({ apiUrl: emulator.apiUrl, key: KEY, dataDir })
    try {
      const listed = await again.bridge.invoke('history:list', {})
      if (!listed.ok) throw new Error(listed.error.message)
      expect(listed.value.items).toHaveLength(2)
      const first = listed.value.items.find((entry) => entry.name === 'a.txt')
      const cleared = await again.bridge.invoke('history:clear', { ids: [first?.id ?? 'none', 'no-such-id'] })
      expect(cleared.ok && cleared.value.removed).toBe(1)
      const rest = await again.bridge.invoke('history:list', {})
      expect(rest.ok && rest.value.items.map((entry) => entry.name)).toEqual(['b.txt'])
      const all = await again.bridge.invoke('history:clear', {})
      expect(all.ok && all.value.removed).toBe(1)
    } finally {
      await again.close()
    }
    expect(await TransferHistory.read(join(dataDir, 'history'))).toEqual([])
  })

  it('takes in what a queue from before the history had already finished', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fd-history-old-'))
    try {
      const history = await TransferHistory.open(dir)
      const done = {
        id: 'd1',
        kind: 'download' as const,
        source: 'https://1fichier.com/?abcdef12345',
        target: '/downloads',
        name: 'old.bin',
        status: 'completed' as const,
        bytesDone: 10,
        bytesTotal: 10,
        attempts: 1,
        createdAt: 1,
        finishedAt: 2,
        order: 0,
      }
      const recorded = await history.record([done, { ...done, id: 'd2', status: 'failed' }])
      expect(recorded.map((entry) => entry.id)).toEqual(['d1'])
      // The same entry again is not written twice.
      expect(await history.record([done])).toEqual([])
      await history.close()
      expect((await TransferHistory.read(dir)).map((entry) => entry.id)).toEqual(['d1'])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
