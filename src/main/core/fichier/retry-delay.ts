import { backoff } from '../lib/backoff'

export interface RetryPolicy {
  /** Total tries of one idempotent call, the first included. */
  attempts: number
  baseMs: number
  maxMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 4, baseMs: 500, maxMs: 10_000 }

/** Longest wait a `Retry-After` may impose on one retry. */
const MAX_RETRY_AFTER_MS = 10 * 60_000

/** Milliseconds a `Retry-After` value asks for (seconds or an HTTP date), or null. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (!value) return null
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  const at = Date.parse(trimmed)
  return Number.isNaN(at) ? null : Math.max(0, at - now)
}

/**
 * The wait before retry number `attempt` (1 = first retry): `backoff` (exponential, equal jitter),
 * or what `Retry-After` asks when the server said so (bounded).
 */
export function retryDelay(
  attempt: number,
  policy: RetryPolicy,
  context: { retryAfter?: string | null; now: number; random?: () => number },
): number {
  const asked = parseRetryAfter(context.retryAfter, context.now)
  if (asked !== null) return Math.min(asked, MAX_RETRY_AFTER_MS)
  return backoff(attempt, policy, context.random)
}
