import { z } from 'zod'

/** A flood pause 1fichier imposed on the key (and the IP it was used from). */
export const BudgetPause = z.object({
  /** When calls may try again (epoch ms). */
  until: z.number(),
  reason: z.string(),
  /** Set while one process checks, with one cheap call, that the pause is over: the check's deadline. */
  probeUntil: z.number().nullable(),
})
export type BudgetPause = z.infer<typeof BudgetPause>

/**
 * What every process using one key shares: the API pace, the per-folder listing clock, the flood
 * pause, the account details (read once per 5 minutes) and resolved folder paths.
 */
export const BudgetState = z.object({
  version: z.literal(1),
  /** When the last API call was let through (epoch ms), by any process; null before the first. */
  lastGrant: z.number().nullable(),
  /** Extra spacing between calls after a flood or rate answer (0 = none); shrinks with every call. */
  slowIntervalMs: z.number().nonnegative(),
  pause: BudgetPause.nullable(),
  /** When the last pause ended (epoch ms), to tell a repeated flood from a new one. */
  lastPauseEnd: z.number(),
  /** Flood pauses in a row without a quiet spell between them (each doubles the next one). */
  strikes: z.number().int().nonnegative(),
  /** Listing clock: `file/ls:<id>` or `folder/ls:<id>` → when it was last sent. */
  listings: z.record(z.string(), z.number()),
  /** The last `user/info` answer and when it was read. */
  userInfo: z.object({ at: z.number(), value: z.unknown() }).nullable(),
  /** After a `#38`, no `user/info` before this time. */
  userInfoBlockedUntil: z.number(),
  /** Resolved folders: `<parent id>/<name>` → folder id and when it was learnt. */
  folders: z.record(z.string(), z.object({ id: z.number(), at: z.number() })),
})
export type BudgetState = z.infer<typeof BudgetState>

export function emptyBudgetState(): BudgetState {
  return {
    version: 1,
    lastGrant: null,
    slowIntervalMs: 0,
    pause: null,
    lastPauseEnd: 0,
    strikes: 0,
    listings: {},
    userInfo: null,
    userInfoBlockedUntil: 0,
    folders: {},
  }
}
