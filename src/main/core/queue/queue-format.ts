import { z } from 'zod'
import { QueueStoreError } from './queue-store-error'

/** Version of the snapshot and journal formats written now. */
export const QUEUE_FORMAT_VERSION = 1

export const SNAPSHOT_FILE = 'queue.snapshot.json'
export const JOURNAL_FILE = 'queue.journal'

/** The snapshot: every item as of journal sequence number `seq`. Items are validated one by one. */
export const QueueSnapshot = z.object({
  version: z.number().int().positive(),
  seq: z.number().int().nonnegative(),
  savedAt: z.number(),
  items: z.array(z.unknown()),
})
export type QueueSnapshot = z.infer<typeof QueueSnapshot>

/** One journal line. `seq` grows by one per line, across compactions. */
export const JournalEntry = z.discriminatedUnion('op', [
  z.object({
    v: z.number().int().positive(),
    seq: z.number().int().positive(),
    op: z.literal('put'),
    items: z.array(z.unknown()),
  }),
  z.object({
    v: z.number().int().positive(),
    seq: z.number().int().positive(),
    op: z.literal('remove'),
    ids: z.array(z.string()),
  }),
])
export type JournalEntry = z.infer<typeof JournalEntry>

type Migration = (old: Record<string, unknown>) => Record<string, unknown>

/**
 * Steps from each older format version to the next one (`1 → 2` is keyed 1). Version 1 is the
 * first, so none exist yet; a format change adds its step here and bumps `QUEUE_FORMAT_VERSION`.
 */
const MIGRATIONS: Partial<Record<number, Migration>> = {}

/**
 * Brings a parsed snapshot or journal line (`versionKey` names its version field) to the current
 * format. A version newer than this build is refused rather than misread.
 */
export function migrateRecord(
  raw: Record<string, unknown>,
  versionKey: 'version' | 'v',
): Record<string, unknown> {
  let record = raw
  let version = record[versionKey]
  if (typeof version !== 'number') return record
  if (version > QUEUE_FORMAT_VERSION) {
    throw new QueueStoreError(
      'UNSUPPORTED_VERSION',
      `The transfer queue was saved by a newer version of the app (format ${version}).`,
    )
  }
  while (version < QUEUE_FORMAT_VERSION) {
    const step = MIGRATIONS[version]
    if (!step)
      throw new QueueStoreError('UNSUPPORTED_VERSION', `The transfer queue format ${version} cannot be read.`)
    record = { ...step(record), [versionKey]: version + 1 }
    version += 1
  }
  return record
}
