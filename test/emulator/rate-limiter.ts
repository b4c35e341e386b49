import type { RateLimitOptions } from './options'

/**
 * 1fichier's limits: a sustained per-IP request rate (a token bucket) with a lock, and minimum
 * intervals per user or folder.
 */
export class RateLimiter {
  /** Per IP: tokens left in its bucket and when they were counted. */
  private readonly buckets = new Map<string, { tokens: number; at: number }>()
  private readonly locks = new Map<string, number>()
  private readonly lastCalls = new Map<string, number>()
  private globalLockUntil = 0
  private readonly errors = new Map<string, number[]>()
  private readonly bans = new Map<string, number>()

  constructor(
    public options: RateLimitOptions,
    public enabled: boolean,
  ) {}

  /** Records one API request from `ip`; 'locked' when the IP is (or just became) locked. */
  hit(ip: string, now: number): 'ok' | 'locked' | 'new-lock' {
    if (now < this.globalLockUntil) return 'locked'
    if (!this.enabled) return 'ok'
    const lockedUntil = this.locks.get(ip)
    if (lockedUntil !== undefined && now < lockedUntil) return 'locked'
    const { perSecond, burst } = this.options
    const bucket = this.buckets.get(ip) ?? { tokens: burst, at: now }
    const tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) * perSecond) / 1000)
    if (tokens < 1) {
      this.locks.set(ip, now + this.options.lockMs)
      this.buckets.delete(ip)
      return 'new-lock'
    }
    this.buckets.set(ip, { tokens: tokens - 1, at: now })
    return 'ok'
  }

  /** True while `ip` is banned for repeated errors. */
  banned(ip: string, now: number): boolean {
    const until = this.bans.get(ip)
    return until !== undefined && now < until
  }

  /** Counts an error answer (401/403/404/410) sent to `ip`; true when this starts a ban. */
  recordError(ip: string, now: number): boolean {
    const { banAfterErrors, banWindowMs, banMs } = this.options
    if (!this.enabled || banAfterErrors <= 0) return false
    const recent = (this.errors.get(ip) ?? []).filter((time) => now - time < banWindowMs)
    recent.push(now)
    this.errors.set(ip, recent)
    if (recent.length < banAfterErrors) return false
    this.errors.set(ip, [])
    this.bans.set(ip, now + banMs)
    return true
  }

  /** True when `key` was last allowed at least `intervalMs` ago (then it counts as a call now). */
  allowInterval(key: string, intervalMs: number, now: number): boolean {
    if (!this.enabled) return true
    const last = this.lastCalls.get(key)
    if (last !== undefined && now - last < intervalMs) return false
    this.lastCalls.set(key, now)
    return true
  }

  lockAll(ms: number, now: number): void {
    this.globalLockUntil = now + ms
  }

  clear(): void {
    this.buckets.clear()
    this.locks.clear()
    this.lastCalls.clear()
    this.errors.clear()
    this.bans.clear()
    this.globalLockUntil = 0
  }
}
