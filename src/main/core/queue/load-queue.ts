import { copyFile, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import type { z } from 'zod'
import type { Clock } from '../lib/clock'
import { JOURNAL_FILE, JournalEntry, QueueSnapshot, SNAPSHOT_FILE, migrateRecord } from './queue-format'
import type { QueueOpenReport, QueueProblem } from './queue-problem'
import { QueueStoreError } from './queue-store-error'

export interface LoadedQueue<T> {
  items: Map<string, T>
  /** Last sequence number in use. */
  seq: number
  /** Bytes of whole lines at the start of the journal (what follows is torn and must be cut). */
  journalGoodBytes: number
  journalLines: number
  /** Whether the journal file exists already. */
  journalExists: boolean
  report: QueueOpenReport
}

/** Reads the snapshot, then replays the journal lines written after it. */
export async function loadQueue<T extends { id: string }>(
  dir: string,
  schema: z.ZodType<T>,
  clock: Clock,
): Promise<LoadedQueue<T>> {
  const problems: QueueProblem[] = []
  const items = new Map<string, T>()
  const stamp = new Date(clock.now()).toISOString().replace(/[:.]/g, '-')

  const takeItems = (raw: unknown[], where: string, line?: number): T[] => {
    const valid: T[] = []
    for (const item of raw) {
      const parsed = schema.safeParse(item)
      if (parsed.success) valid.push(parsed.data)
      else {
        const id = typeof item === 'object' && item !== null && 'id' in item ? String(item.id) : '?'
        problems.push({
          kind: 'invalid-item',
          message: `Item ${id} in ${where} is invalid and was left out: ${parsed.error.message}`,
          ...(line ? { line } : {}),
        })
      }
    }
    return valid
  }

  // Snapshot
  let base = 0
  let snapshotItems = 0
  const snapshotPath = join(dir, SNAPSHOT_FILE)
  const snapshotText = await readIfExists(snapshotPath)
  if (snapshotText !== undefined) {
    const snapshot = parseSnapshot(snapshotText)
    if (snapshot) {
      base = snapshot.seq
      for (const item of takeItems(snapshot.items, 'the snapshot')) items.set(item.id, item)
      snapshotItems = items.size
    } else {
      const corruptPath = `${snapshotPath}.corrupt-${stamp}`
      await rename(snapshotPath, corruptPath)
      problems.push({
        kind: 'corrupt-snapshot',
        message: 'The queue snapshot could not be read; it was set aside and the journal replayed alone.',
        path: corruptPath,
      })
    }
  }

  // Journal
  const journalPath = join(dir, JOURNAL_FILE)
  const journal = await readBufferIfExists(journalPath)
  let seq = base
  let replayedLines = 0
  let skippedLines = 0
  let journalLines = 0
  let journalGoodBytes = 0
  let corruptLines = false
  if (journal) {
    const lastNewline = journal.lastIndexOf(0x0a)
    journalGoodBytes = lastNewline + 1
    if (journalGoodBytes < journal.length) {
      problems.push({
        kind: 'torn-tail',
        message: `The journal ended in a partial line of ${journal.length - journalGoodBytes} bytes (a write cut short); it was ignored.`,
        line: count(journal, journalGoodBytes) + 1,
      })
    }
    const lines = journal.subarray(0, journalGoodBytes).toString('utf8').split('\n')
    lines.pop()
    journalLines = lines.length
    for (const [index, text] of lines.entries()) {
      const line = index + 1
      const entry = parseEntry(text)
      if (!entry) {
        corruptLines = true
        problems.push({
          kind: 'corrupt-line',
          message: `Journal line ${line} could not be read and was skipped.`,
          line,
        })
        continue
      }
      if (entry.seq <= base) {
        skippedLines++
        continue
      }
      seq = Math.max(seq, entry.seq)
      replayedLines++
      if (entry.op === 'put')
        for (const item of takeItems(entry.items, `journal line ${line}`, line)) items.set(item.id, item)
      else for (const id of entry.ids) items.delete(id)
    }
    if (corruptLines) {
      const keptPath = `${journalPath}.corrupt-${stamp}`
      await copyFile(journalPath, keptPath)
      for (const problem of problems) if (problem.kind === 'corrupt-line') problem.path = keptPath
    }
  }

  return {
    items,
    seq,
    journalGoodBytes,
    journalLines,
    journalExists: journal !== undefined,
    report: { snapshotItems, replayedLines, skippedLines, problems },
  }
}

function parseSnapshot(text: string): QueueSnapshot | undefined {
  const raw = parseObject(text)
  if (!raw) return undefined
  const parsed = QueueSnapshot.safeParse(migrateRecord(raw, 'version'))
  return parsed.success ? parsed.data : undefined
}

function parseEntry(text: string): JournalEntry | undefined {
  const raw = parseObject(text)
  if (!raw) return undefined
  const parsed = JournalEntry.safeParse(migrateRecord(raw, 'v'))
  return parsed.success ? parsed.data : undefined
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

function count(buffer: Buffer, end: number): number {
  let lines = 0
  for (let index = buffer.indexOf(0x0a); index >= 0 && index < end; index = buffer.indexOf(0x0a, index + 1))
    lines++
  return lines
}

async function readIfExists(path: string): Promise<string | undefined> {
  return (await readBufferIfExists(path))?.toString('utf8')
}

async function readBufferIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path)
  } catch (error) {
    if (isMissing(error)) return undefined
    throw new QueueStoreError('READ_FAILED', `The transfer queue could not be read: ${path}`, {
      cause: error,
    })
  }
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT'
}
