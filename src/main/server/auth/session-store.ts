import { createHash, randomBytes } from 'node:crypto'
import type { Scheduler } from '../../core/lib/scheduler'

export interface SessionPolicy {
  /** A session unused this long ends (not while watched: an open page uses it). */
  idleMs: number
  /** A session ends this long after its login, used or not. */
  absoluteMs: number
  /** Sessions held at most; past it the one used longest ago ends. */
  maxSessions: number
}

export const SESSION_POLICY: SessionPolicy = {
  idleMs: 24 * 60 * 60_000,
  absoluteMs: 7 * 24 * 60 * 60_000,
  maxSessions: 1000,
}

/** Real timers that do not keep the process alive on their own. */
export const unrefScheduler: Scheduler = {
  after(ms, task) {
    const timer = setTimeout(task, ms)
    timer.unref()
    return () => clearTimeout(timer)
  },
}

interface Session {
  createdAt: number
  usedAt: number
  /** Told once when the session ends (an open WebSocket, say). */
  watchers: Set<() => void>
  /** Cancels the timer that ends a watched session at its absolute lifetime. */
  cancelTimer: (() => void) | null
}

/**
 * Logged-in sessions, in memory only: a restart logs everyone out. The cookie holds a random 256-bit
 * id; the map holds only its SHA-256, so nothing in memory can be replayed as a cookie.
 */
export class SessionStore {
  /** id digest → session; Map order = least recently used first. */
  readonly #sessions = new Map<string, Session>()

  constructor(
    private readonly policy: SessionPolicy,
    private readonly now: () => number,
    private readonly scheduler: Scheduler = unrefScheduler,
  ) {}

  /** Starts a session and returns the id for its cookie. */
  create(): string {
    const id = randomBytes(32).toString('base64url')
    const now = this.now()
    this.#sessions.set(digest(id), { createdAt: now, usedAt: now, watchers: new Set(), cancelTimer: null })
    if (this.#sessions.size > this.policy.maxSessions) this.#evict()
    return id
  }

  /** True when the id is a live session; the session counts as used now. */
  touch(id: string): boolean {
    const key = digest(id)
    const session = this.#live(key)
    if (!session) return false
    session.usedAt = this.now()
    this.#sessions.delete(key)
    this.#sessions.set(key, session)
    return true
  }

  /**
   * Calls `listener` once when the session ends (logout, lifetime, eviction; at once if it is not
   * live); answers the function that stops watching.
   */
  watch(id: string, listener: () => void): () => void {
    const key = digest(id)
    const session = this.#live(key)
    if (!session) {
      listener()
      return () => undefined
    }
    session.watchers.add(listener)
    session.cancelTimer ??= this.scheduler.after(
      session.createdAt + this.policy.absoluteMs - this.now(),
      () => this.#end(key),
    )
    return () => {
      if (!session.watchers.delete(listener) || session.watchers.size > 0) return
      // Unwatched again: idle from now on.
      session.usedAt = Math.max(session.usedAt, this.now())
      session.cancelTimer?.()
      session.cancelTimer = null
    }
  }

  /** Ends the session (logout); an unknown id is a no-op. */
  end(id: string): void {
    this.#end(digest(id))
  }

  get size(): number {
    return this.#sessions.size
  }

  #live(key: string): Session | undefined {
    const session = this.#sessions.get(key)
    if (session && this.#expired(session, this.now())) {
      this.#end(key)
      return undefined
    }
    return session
  }

  #expired(session: Session, now: number): boolean {
    if (now - session.createdAt >= this.policy.absoluteMs) return true
    return session.watchers.size === 0 && now - session.usedAt >= this.policy.idleMs
  }

  #end(key: string): void {
    const session = this.#sessions.get(key)
    if (!session) return
    this.#sessions.delete(key)
    session.cancelTimer?.()
    session.cancelTimer = null
    const watchers = [...session.watchers]
    session.watchers.clear()
    for (const watcher of watchers) {
      try {
        watcher()
      } catch {
        // One watcher's failure does not keep the others from hearing of the end.
      }
    }
  }

  #evict(): void {
    const now = this.now()
    for (const [key, session] of this.#sessions) if (this.#expired(session, now)) this.#end(key)
    for (const key of this.#sessions.keys()) {
      if (this.#sessions.size <= this.policy.maxSessions) break
      this.#end(key)
    }
  }
}

function digest(id: string): string {
  return createHash('sha256').update(id).digest('base64url')
}
