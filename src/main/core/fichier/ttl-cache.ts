export interface CacheHit<V> {
  value: V
  storedAt: number
}

/** A small map whose entries expire `ttlMs` after they were stored. */
export class TtlCache<V> {
  readonly #entries = new Map<string, CacheHit<V>>()

  constructor(readonly ttlMs: number) {}

  get(key: string, now: number): CacheHit<V> | undefined {
    const hit = this.#entries.get(key)
    if (!hit) return undefined
    if (now - hit.storedAt >= this.ttlMs) {
      this.#entries.delete(key)
      return undefined
    }
    return hit
  }

  set(key: string, value: V, now: number): void {
    this.#entries.set(key, { value, storedAt: now })
  }

  delete(key: string): void {
    this.#entries.delete(key)
  }

  clear(): void {
    this.#entries.clear()
  }
}
