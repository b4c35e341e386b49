import type { Clock } from '../lib/clock'
import { TtlCache } from './ttl-cache'
import type { CacheHit } from './ttl-cache'

/**
 * 1fichier allows one listing per folder per 30 s. Listings are served from a cache for that long;
 * a mutation drops the cache, and a fresh listing then waits for the folder's interval to pass.
 */
export class ListingLimiter {
  readonly #cache: TtlCache<unknown>
  readonly #lastFetch = new Map<string, number>()
  readonly #inFlight = new Map<string, Promise<CacheHit<unknown>>>()

  constructor(
    private readonly clock: Clock,
    readonly intervalMs = 30_000,
  ) {
    this.#cache = new TtlCache(intervalMs)
  }

  /** The listing under `key`, fetched at most once per interval; `cachedAt` is set when it came from the cache. */
  async get<T>(
    key: string,
    fetch: () => Promise<T>,
    options: { refresh?: boolean | undefined; signal?: AbortSignal | undefined } = {},
  ): Promise<{ value: T; cachedAt: number | null }> {
    const hit = options.refresh ? undefined : this.#cache.get(key, this.clock.now())
    if (hit) return { value: hit.value as T, cachedAt: hit.storedAt }
    const running = this.#inFlight.get(key)
    if (running) return { value: (await running).value as T, cachedAt: null }
    const task = (async () => {
      const last = this.#lastFetch.get(key)
      if (last !== undefined) {
        const wait = last + this.intervalMs - this.clock.now()
        if (wait > 0) await this.clock.sleep(wait, options.signal)
      }
      this.#lastFetch.set(key, this.clock.now())
      const value = await fetch()
      const now = this.clock.now()
      this.#cache.set(key, value, now)
      return { value: value as unknown, storedAt: now }
    })()
    this.#inFlight.set(key, task)
    try {
      return { value: (await task).value as T, cachedAt: null }
    } finally {
      this.#inFlight.delete(key)
    }
  }

  /** Drops every cached listing (after any change to files or folders). */
  invalidate(): void {
    this.#cache.clear()
  }
}
