import type { Clock } from '../lib/clock'
import type { BudgetStore } from './budget-store'
import { TtlCache } from './ttl-cache'
import type { CacheHit } from './ttl-cache'

export interface ListingKeys {
  /** What the answer is cached under (the folder and the request's options, scoped to the key). */
  cache: string
  /** What 1fichier counts the interval on: `file/ls:<id>` or `folder/ls:<id>`, whatever the options. */
  clock: string
}

export interface ListingGetOptions {
  refresh?: boolean | undefined
  signal?: AbortSignal | undefined
  /** The key's shared budget, which holds the listing clock of every process using the key. */
  store: BudgetStore
  /** Told before waiting for the folder's interval, with the wait in ms. */
  onWait?: ((ms: number) => void) | undefined
}

/**
 * 1fichier allows one listing per folder per 30 s. Listings are served from a cache for that long;
 * a mutation drops the cache, and a fresh listing then waits for the folder's interval to pass. The
 * interval is counted in the key's shared budget, so that listings sent by other processes using
 * the same key count too: a listing not yet allowed waits instead of being sent.
 */
export class ListingLimiter {
  readonly #cache: TtlCache<unknown>
  readonly #inFlight = new Map<string, Promise<CacheHit<unknown>>>()

  constructor(
    private readonly clock: Clock,
    readonly intervalMs = 30_000,
  ) {
    this.#cache = new TtlCache(intervalMs)
  }

  /** The listing under `keys`, fetched at most once per interval; `cachedAt` is set when it came from the cache. */
  async get<T>(
    keys: ListingKeys,
    fetch: () => Promise<T>,
    options: ListingGetOptions,
  ): Promise<{ value: T; cachedAt: number | null }> {
    const hit = options.refresh ? undefined : this.#cache.get(keys.cache, this.clock.now())
    if (hit) return { value: hit.value as T, cachedAt: hit.storedAt }
    const running = this.#inFlight.get(keys.cache)
    if (running) return { value: (await running).value as T, cachedAt: null }
    const task = (async () => {
      await this.#turn(keys.clock, options)
      let value: T
      try {
        value = await fetch()
      } finally {
        // 1fichier counts from when the listing reached it, after this turn (the call was paced):
        // the interval runs from the answer, which is never earlier.
        await this.#sent(keys.clock, options.store)
      }
      const now = this.clock.now()
      this.#cache.set(keys.cache, value, now)
      return { value: value as unknown, storedAt: now }
    })()
    this.#inFlight.set(keys.cache, task)
    try {
      return { value: (await task).value as T, cachedAt: null }
    } finally {
      this.#inFlight.delete(keys.cache)
    }
  }

  /** Drops every cached listing (after any change to files or folders). */
  invalidate(): void {
    this.#cache.clear()
  }

  async #sent(clockKey: string, store: BudgetStore): Promise<void> {
    if (this.intervalMs <= 0) return
    await store.update((state) => {
      state.listings[clockKey] = Math.max(state.listings[clockKey] ?? 0, this.clock.now())
    })
  }

  /** Waits until the folder may be listed again, then counts this listing as sent. */
  async #turn(clockKey: string, options: ListingGetOptions): Promise<void> {
    if (this.intervalMs <= 0) return
    let told = false
    for (;;) {
      const wait = await options.store.update((state) => {
        const now = this.clock.now()
        const last = state.listings[clockKey]
        // A listing "in the future" means the clock went back since: it does not count.
        if (last !== undefined && last <= now && now - last < this.intervalMs)
          return last + this.intervalMs - now
        state.listings[clockKey] = now
        return 0
      })
      if (wait <= 0) return
      if (!told) options.onWait?.(wait)
      told = true
      await this.clock.sleep(wait, options.signal)
    }
  }
}
