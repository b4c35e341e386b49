import type { BackoffPolicy } from '../lib/backoff'

/**
 * Waits between tries of a download connection, of an upload's report, and of a whole transfer:
 * 0.5–1 s, 1–2 s, 2–4 s … at most 30 s.
 */
export const TRANSFER_BACKOFF: BackoffPolicy = { baseMs: 1000, maxMs: 30_000 }
