/**
 * The account's connection allowance (1fichier premium: 30 at once), shared by every file and every
 * segment. `acquire` waits for a slot; `tryAcquire` takes one only if free, for extra segments.
 */
export class ConnectionBudget {
  #limit: number
  #used = 0
  readonly #waiters: Array<() => void> = []

  constructor(limit: number) {
    this.#limit = Math.max(1, limit)
  }

  get used(): number {
    return this.#used
  }

  get limit(): number {
    return this.#limit
  }

  setLimit(limit: number): void {
    this.#limit = Math.max(1, limit)
    this.#wake()
  }

  /**
   * 1fichier refused a connection while `used` were open: the account allows fewer than the limit
   * said. Lowers the limit to the connections that were accepted.
   */
  refused(): void {
    this.#limit = Math.max(1, Math.min(this.#limit, this.#used - 1))
  }

  tryAcquire(): (() => void) | null {
    if (this.#used >= this.#limit) return null
    this.#used++
    return this.#releaser()
  }

  acquire(signal?: AbortSignal): Promise<() => void> {
    const release = this.tryAcquire()
    if (release) return Promise.resolve(release)
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        const index = this.#waiters.indexOf(grant)
        if (index >= 0) this.#waiters.splice(index, 1)
        reject(signal?.reason ?? new Error('aborted'))
      }
      const grant = () => {
        signal?.removeEventListener('abort', onAbort)
        this.#used++
        resolve(this.#releaser())
      }
      if (signal?.aborted) return onAbort()
      signal?.addEventListener('abort', onAbort, { once: true })
      this.#waiters.push(grant)
    })
  }

  #releaser(): () => void {
    let released = false
    return () => {
      if (released) return
      released = true
      this.#used--
      this.#wake()
    }
  }

  #wake(): void {
    while (this.#used < this.#limit && this.#waiters.length > 0) this.#waiters.shift()!()
  }
}
