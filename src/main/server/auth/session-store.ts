import { createHash, randomBytes } from 'node:crypto'

export interface SessionPolicy {
  /** A session unused this long ends. */
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

interface Session {
  createdAt: number
  usedAt: number
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
  ) {}

  /** Starts a session and returns the id for its cookie. */
  create(): string {
    const id = randomBytes(32).toString('base64url')
    const now = this.now()
    this.#sessions.set(digest(id), { createdAt: now, usedAt: now })
    if (this.#sessions.size > this.policy.maxSessions) this.#evict()
    return id
  }

  /** True when the id is a live session; the session counts as used now. */
  touch(id: string): boolean {
    const key = digest(id)
    const session = this.#sessions.get(key)
    if (!session) return false
    const now = this.now()
    if (this.#expired(session, now)) {
      this.#sessions.delete(key)
      return false
    }
    session.usedAt = now
    this.#sessions.delete(key)
    this.#sessions.set(key, session)
    return true
  }

  /** Ends the session (logout); an unknown id is a no-op. */
  end(id: string): void {
    this.#sessions.delete(digest(id))
  }

  get size(): number {
    return this.#sessions.size
  }

  #expired(session: Session, now: number): boolean {
    return now - session.usedAt >= this.policy.idleMs || now - session.createdAt >= this.policy.absoluteMs
  }

  #evict(): void {
    const now = this.now()
    for (const [key, session] of this.#sessions) if (this.#expired(session, now)) this.#sessions.delete(key)
    for (const key of this.#sessions.keys()) {
      if (this.#sessions.size <= this.policy.maxSessions) break
      this.#sessions.delete(key)
    }
  }
}

function digest(id: string): string {
  return createHash('sha256').update(id).digest('base64url')
}
