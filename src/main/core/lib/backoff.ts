export interface BackoffPolicy {
  /** The ceiling of the first wait. */
  baseMs: number
  /** No wait is longer. */
  maxMs: number
}

/**
 * The wait before retry number `attempt` (1 = first retry): exponential backoff with equal jitter,
 * a random point in the upper half of `min(maxMs, baseMs × 2^(attempt − 1))`, so that waits grow
 * for sure while clients that failed together spread out.
 */
export function backoff(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}
