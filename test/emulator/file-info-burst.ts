import { ApiRefusalError } from './api-error'

/** Too many `file/info.cgi` calls of one account in a short time (none = off). */
export interface FileInfoBurstRule {
  /** Calls allowed within `windowMs`; the next one locks. */
  max: number
  windowMs: number
  /** How long `Owner locked #649` is answered after a burst. */
  lockMs: number
}

/**
 * JDownloader (2025) turned off its single-file API link checks because bursts of `file/info.cgi`
 * led to `Owner locked #649`: an account that sends a burst is answered that for a while.
 */
export class FileInfoBursts {
  private readonly calls = new Map<string, number[]>()
  private readonly lockedUntil = new Map<string, number>()

  /** Counts one call; throws `Owner locked #649` when the account is (or now gets) locked. */
  hit(key: string, now: number, rule: FileInfoBurstRule | null): void {
    if (!rule || rule.max <= 0) return
    if ((this.lockedUntil.get(key) ?? 0) > now) throw ownerLocked()
    const recent = (this.calls.get(key) ?? []).filter((at) => now - at < rule.windowMs)
    recent.push(now)
    this.calls.set(key, recent)
    if (recent.length > rule.max) {
      this.lockedUntil.set(key, now + rule.lockMs)
      this.calls.delete(key)
      throw ownerLocked()
    }
  }

  clear(): void {
    this.calls.clear()
    this.lockedUntil.clear()
  }
}

function ownerLocked(): ApiRefusalError {
  return new ApiRefusalError(403, 'Owner locked', 649)
}
