import { spawn } from 'node:child_process'
import { appendFile, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/main/core/lib/clock'
import { JOURNAL_FILE, SNAPSHOT_FILE } from '../../../src/main/core/queue/queue-format'
import type { QueueProblem } from '../../../src/main/core/queue/queue-problem'
import { QueueStore } from '../../../src/main/core/queue/queue-store'
import { QueueStoreError } from '../../../src/main/core/queue/queue-store-error'
import type { StoredItem } from '../../../src/main/core/queue/stored-item'
import { queueItem } from './queue-item'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'queue-store-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function reopen(options: Parameters<typeof QueueStore.open>[1] = {}) {
  const opened = await QueueStore.open(dir, options)
  await opened.store.close()
  return opened
}

const journalPath = () => join(dir, JOURNAL_FILE)
const snapshotPath = () => join(dir, SNAPSHOT_FILE)

describe('QueueStore', () => {
  it('gives back what was put, updated and removed, in queue order', async () => {
    const { store, items, report } = await QueueStore.open(dir)
    expect(items).toEqual([])
    expect(report.problems).toEqual([])
    await store.putMany([queueItem(3), queueItem(1), queueItem(2)])
    await store.put(queueItem(4))
    await store.put(queueItem(1, { status: 'completed', bytesDone: 10, bytesTotal: 10, finishedAt: 5 }))
    await store.remove(['t000002', 'unknown'])
    await store.close()

    const again = await reopen()
    expect(again.items).toEqual([
      queueItem(1, { status: 'completed', bytesDone: 10, bytesTotal: 10, finishedAt: 5 }),
      queueItem(3),
      queueItem(4),
    ])
    expect(again.report).toEqual({ snapshotItems: 0, replayedLines: 4, skippedLines: 0, problems: [] })
  })

  it('writes one journal line per call and one write for 10,000 items', async () => {
    const { store } = await QueueStore.open(dir)
    const many = Array.from({ length: 10_000 }, (_, n) => queueItem(n))
    await store.putMany(many)
    expect(store.stats).toMatchObject({ writes: 1, syncs: 1, journalLines: 1 })
    await store.close()
    const journal = await readFile(journalPath(), 'utf8')
    expect(journal.split('\n')).toHaveLength(2)
    expect((await reopen()).items).toHaveLength(10_000)
  })

  it('groups calls made together into one write and one fsync', async () => {
    const { store } = await QueueStore.open(dir)
    await Promise.all(Array.from({ length: 200 }, (_, n) => store.put(queueItem(n))))
    expect(store.stats.journalLines).toBe(200)
    expect(store.stats.writes).toBe(1)
    expect(store.stats.syncs).toBe(1)
    await store.close()
    expect((await reopen()).items.map((item) => item.order)).toEqual(Array.from({ length: 200 }, (_, n) => n))
  })

  it('appends the same bytes for one change with 100 or 10,000 items queued', async () => {
    const costOfOnePut = async (queued: number) => {
      const sub = await mkdtemp(join(dir, 'cost-'))
      const { store } = await QueueStore.open(sub, { compactEvery: 1_000_000, compactBytes: 1e12 })
      await store.putMany(Array.from({ length: queued }, (_, n) => queueItem(n)))
      const before = { stats: store.stats, size: (await stat(join(sub, JOURNAL_FILE))).size }
      await store.put(queueItem(7, { status: 'paused' }))
      const after = { stats: store.stats, size: (await stat(join(sub, JOURNAL_FILE))).size }
      await store.close()
      return {
        writes: after.stats.writes - before.stats.writes,
        bytes: after.stats.bytesAppended - before.stats.bytesAppended,
        fileGrowth: after.size - before.size,
      }
    }
    const small = await costOfOnePut(100)
    const large = await costOfOnePut(10_000)
    expect(small.writes).toBe(1)
    expect(large).toEqual(small)
    expect(small.fileGrowth).toBe(small.bytes)
    expect(small.bytes).toBeLessThan(1_000)
  })

  it('compacts into a snapshot and keeps the state, across many compactions', async () => {
    const expected = new Map<string, StoredItem>()
    const { store } = await QueueStore.open(dir, { compactEvery: 10 })
    for (let n = 0; n < 95; n++) {
      const item = queueItem(n % 30, { attempts: n })
      await store.put(item)
      expected.set(item.id, item)
      if (n % 7 === 0) {
        const id = queueItem((n * 3) % 30).id
        await store.remove([id])
        expected.delete(id)
      }
    }
    expect(store.stats.compactions).toBeGreaterThanOrEqual(9)
    expect(store.stats.journalLines).toBeLessThan(10)
    await store.close()
    const snapshot = JSON.parse(await readFile(snapshotPath(), 'utf8')) as { version: number; seq: number }
    expect(snapshot.version).toBe(1)
    expect(snapshot.seq).toBeGreaterThan(90)
    const again = await reopen({ compactEvery: 10 })
    expect(again.items).toEqual([...expected.values()].sort((a, b) => a.order - b.order))
    expect(again.report.problems).toEqual([])
    expect(again.report.snapshotItems).toBeGreaterThan(0)
  })

  it('skips journal lines that a compaction cut short had already put in the snapshot', async () => {
    const { store } = await QueueStore.open(dir)
    await store.putMany([queueItem(1), queueItem(2)])
    await store.remove(['t000001'])
    await store.put(queueItem(2, { name: 'renamed' }))
    const journalBefore = await readFile(journalPath())
    await store.compact()
    await store.close()
    // A crash after the snapshot's rename but before the journal was emptied.
    await writeFile(journalPath(), journalBefore)
    const opened = await QueueStore.open(dir)
    await opened.store.put(queueItem(3))
    await opened.store.close()
    expect(opened.report).toMatchObject({ snapshotItems: 1, replayedLines: 0, skippedLines: 3, problems: [] })
    expect(opened.items).toEqual([queueItem(2, { name: 'renamed' })])
    expect((await reopen()).items).toEqual([queueItem(2, { name: 'renamed' }), queueItem(3)])
  })

  it('ignores a torn last line, reports it, and cuts it before writing again', async () => {
    const { store } = await QueueStore.open(dir)
    await store.put(queueItem(1))
    await store.put(queueItem(2))
    await store.close()
    await appendFile(journalPath(), '{"v":1,"seq":3,"op":"put","items":[{"id":"t0000')
    const problems: QueueProblem[] = []
    const opened = await QueueStore.open(dir, { onCorrupt: (problem) => problems.push(problem) })
    expect(opened.items).toEqual([queueItem(1), queueItem(2)])
    expect(opened.report.problems).toEqual([expect.objectContaining({ kind: 'torn-tail', line: 3 })])
    expect(problems).toEqual(opened.report.problems)
    await opened.store.put(queueItem(3))
    await opened.store.close()
    const again = await reopen()
    expect(again.report.problems).toEqual([])
    expect(again.items).toEqual([queueItem(1), queueItem(2), queueItem(3)])
  })

  it('sets a corrupt snapshot aside, reports it and keeps what the journal holds', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 2, 3, 4, 5))
    const { store } = await QueueStore.open(dir, { clock })
    await store.putMany([queueItem(1), queueItem(2)])
    await store.compact()
    await store.put(queueItem(3))
    await store.close()
    const garbage = '{"version":1,"seq":2,"savedAt":0,"items":[{"id":"t0'
    await writeFile(snapshotPath(), garbage)

    const problems: QueueProblem[] = []
    const opened = await reopen({ clock, onCorrupt: (problem) => problems.push(problem) })
    expect(opened.items).toEqual([queueItem(3)])
    expect(opened.report.problems).toHaveLength(1)
    const problem = opened.report.problems[0]
    expect(problem?.kind).toBe('corrupt-snapshot')
    expect(problem?.path).toBe(`${snapshotPath()}.corrupt-2026-01-02T03-04-05-000Z`)
    expect(await readFile(problem?.path ?? '', 'utf8')).toBe(garbage)
    expect(problems).toEqual(opened.report.problems)
    // A fresh snapshot of what was recovered replaced it.
    const again = await reopen()
    expect(again.report.problems).toEqual([])
    expect(again.items).toEqual([queueItem(3)])
  })

  it('skips and keeps a corrupt line in the middle of the journal, and leaves out invalid items', async () => {
    const good = (seq: number, n: number) =>
      `${JSON.stringify({ v: 1, seq, op: 'put', items: [queueItem(n)] })}\n`
    const invalid = JSON.stringify({
      v: 1,
      seq: 3,
      op: 'put',
      items: [{ ...queueItem(5), status: 'exploded' }, queueItem(6)],
    })
    await writeFile(journalPath(), `${good(1, 1)}not json at all\n${invalid}\n${good(4, 2)}`)
    const opened = await reopen()
    expect(opened.items).toEqual([queueItem(1), queueItem(2), queueItem(6)])
    expect(opened.report.problems.map((problem) => [problem.kind, problem.line])).toEqual([
      ['corrupt-line', 2],
      ['invalid-item', 3],
    ])
    const keptPath = opened.report.problems[0]?.path ?? ''
    expect(await readFile(keptPath, 'utf8')).toContain('not json at all')
    expect((await reopen()).report.problems).toEqual([])
  })

  it('refuses a queue written by a newer format, leaving it untouched', async () => {
    const newer = JSON.stringify({ version: 2, seq: 0, savedAt: 0, items: [] })
    await writeFile(snapshotPath(), newer)
    const error = await QueueStore.open(dir).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(QueueStoreError)
    expect((error as QueueStoreError).code).toBe('UNSUPPORTED_VERSION')
    expect(await readFile(snapshotPath(), 'utf8')).toBe(newer)
    expect(await readdir(dir)).toEqual([SNAPSHOT_FILE])
  })

  it('refuses invalid items and calls after close, writing nothing', async () => {
    const { store } = await QueueStore.open(dir)
    const invalid = { ...queueItem(1), bytesDone: -1 }
    await expect(store.put(invalid)).rejects.toMatchObject({ code: 'INVALID_ITEM' })
    expect(store.stats.writes).toBe(0)
    await store.close()
    await expect(store.put(queueItem(1))).rejects.toMatchObject({ code: 'CLOSED' })
    await expect(store.remove(['t000001'])).rejects.toMatchObject({ code: 'CLOSED' })
    expect((await stat(journalPath())).size).toBe(0)
  })

  it('keeps acknowledging changes when a compaction fails, and compacts again later', async () => {
    const { store } = await QueueStore.open(dir, { compactEvery: 3 })
    // A folder where the snapshot's temp file goes makes writing the snapshot fail.
    await mkdir(`${snapshotPath()}.tmp`)
    for (let n = 0; n < 4; n++) await store.put(queueItem(n))
    expect(store.stats.compactions).toBe(0)
    await expect(store.compact()).rejects.toMatchObject({ code: 'WRITE_FAILED' })
    await rm(`${snapshotPath()}.tmp`, { recursive: true })
    for (let n = 4; n < 12; n++) await store.put(queueItem(n))
    expect(store.stats.compactions).toBeGreaterThanOrEqual(1)
    await store.close()
    expect((await reopen()).items.map((item) => item.order)).toEqual(Array.from({ length: 12 }, (_, n) => n))
  })

  it('drops the temp file of a compaction cut short', async () => {
    const { store } = await QueueStore.open(dir)
    await store.put(queueItem(1))
    await store.close()
    await writeFile(`${snapshotPath()}.tmp`, '{"version":1,"se')
    const opened = await reopen()
    expect(opened.items).toEqual([queueItem(1)])
    expect(opened.report.problems).toEqual([])
    expect(await readdir(dir)).not.toContain(`${SNAPSHOT_FILE}.tmp`)
  })

  it('keeps every acknowledged put when the writer is killed with SIGKILL', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./queue-writer-child.ts', import.meta.url)), dir],
      {
        cwd: fileURLToPath(new URL('../../..', import.meta.url)),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    const acked = new Set<number>()
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    let buffered = ''
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    )
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) acked.add(Number(line))
      if (acked.size >= 1_500) child.kill('SIGKILL')
    })
    const signal = await exited
    expect(stderr).toBe('')
    expect(signal).toBe('SIGKILL')
    expect(acked.size).toBeGreaterThanOrEqual(1_500)

    const opened = await reopen()
    expect(opened.report.problems.filter((problem) => problem.kind !== 'torn-tail')).toEqual([])
    const byOrder = new Map(opened.items.map((item) => [item.order, item]))
    const missing = [...acked].filter((n) => !byOrder.has(n))
    expect(missing).toEqual([])
    for (const n of acked)
      expect(byOrder.get(n)).toEqual(queueItem(n, { name: `file-${n}-${'x'.repeat(n % 50)}.bin` }))
    expect(opened.report.snapshotItems).toBeGreaterThan(0)
  })
})
