import { z } from 'zod'

/**
 * Something wrong found while loading the queue, and what was done about it:
 * - `corrupt-snapshot`: the snapshot could not be read; it was renamed to `path` and the journal replayed alone;
 * - `torn-tail`: the journal ended in a partial line (a write cut by a crash); it was cut off;
 * - `corrupt-line`: a journal line before the end could not be read; it was skipped and the journal kept at `path`;
 * - `invalid-item`: an item did not match the schema; it was left out.
 */
export const QueueProblem = z.object({
  kind: z.enum(['corrupt-snapshot', 'torn-tail', 'corrupt-line', 'invalid-item']),
  message: z.string(),
  path: z.string().optional(),
  /** 1-based journal line, for journal problems. */
  line: z.number().int().optional(),
})
export type QueueProblem = z.infer<typeof QueueProblem>

export const QueueOpenReport = z.object({
  /** Items read from the snapshot. */
  snapshotItems: z.number().int(),
  /** Journal lines applied on top of it. */
  replayedLines: z.number().int(),
  /** Journal lines already contained in the snapshot (left over by a compaction cut short). */
  skippedLines: z.number().int(),
  problems: z.array(QueueProblem),
})
export type QueueOpenReport = z.infer<typeof QueueOpenReport>
