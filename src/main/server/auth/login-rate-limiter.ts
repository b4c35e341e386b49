import { isIPv6 } from 'node:net'

export interface RateLimit {
  /** Attempts allowed per address within `windowMs`. */
  attempts: number
  windowMs: number
  /** Addresses remembered at most; past it the one seen longest ago is forgotten. */
  maxAddresses: number
}

export const LOGIN_RATE_LIMIT: RateLimit = { attempts: 5, windowMs: 60_000, maxAddresses: 10_000 }

/**
 * Login attempts per remote address over a sliding window. An IPv6 address counts as its /64 (one
 * home or host holds a whole /64), an IPv4-mapped one as its IPv4. Memory is bounded: at most
 * `attempts` times per address, and `maxAddresses` addresses.
 */
export class LoginRateLimiter {
  /** Address key → times of its attempts within the window, oldest first; Map order = least recently used first. */
  readonly #attempts = new Map<string, number[]>()

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number,
  ) {}

  /**
   * Counts an attempt from this address and returns 0 when it may go on, or, when the address has
   * used its attempts in the window, the milliseconds until it may try again (that refusal is not counted).
   */
  attempt(address: string): number {
    const key = addressKey(address)
    const times = this.#recent(key)
    if (times.length >= this.limit.attempts)
      return Math.max(1, (times[0] ?? 0) + this.limit.windowMs - this.now())
    times.push(this.now())
    this.#attempts.delete(key)
    this.#attempts.set(key, times)
    if (this.#attempts.size > this.limit.maxAddresses) this.#evict()
    return 0
  }

  /** Forgets this address's attempts (after it logged in); other addresses keep theirs. */
  clear(address: string): void {
    this.#attempts.delete(addressKey(address))
  }

  /** Addresses remembered (for tests of the bound). */
  get size(): number {
    return this.#attempts.size
  }

  #recent(key: string): number[] {
    const times = this.#attempts.get(key)
    if (!times) return []
    const since = this.now() - this.limit.windowMs
    while (times.length > 0 && (times[0] ?? 0) <= since) times.shift()
    if (times.length === 0) this.#attempts.delete(key)
    return times
  }

  #evict(): void {
    const since = this.now() - this.limit.windowMs
    for (const [key, times] of this.#attempts) {
      if ((times[times.length - 1] ?? 0) <= since) this.#attempts.delete(key)
    }
    for (const key of this.#attempts.keys()) {
      if (this.#attempts.size <= this.limit.maxAddresses) break
      this.#attempts.delete(key)
    }
  }
}

/** The key an address counts under: IPv4 as is, IPv6 by its /64. */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped?.[1]) return mapped[1]
  if (!isIPv6(address)) return address
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`
}

function expandIPv6(address: string): string[] {
  const bare = address.split('%')[0] ?? address
  const [head = '', tail] = bare.split('::')
  const left = head === '' ? [] : head.split(':')
  const right = tail === undefined || tail === '' ? [] : tail.split(':')
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0')
  return [...left, ...fill, ...right].map((group) => (Number.parseInt(group, 16) || 0).toString(16))
}
