import { setTimeout as sleep } from 'node:timers/promises'
import type { FichierClient } from '../core/fichier/fichier-client'

/** When 1fichier names no end for a flood lock, wait this long before asking again. */
const UNKNOWN_LOCK_MS = 30_000

export interface LockWaitOptions {
  signal: AbortSignal
  /** Told each time a call waits for the end of a flood lock, with when it will try again. */
  onWait(until: number): void
  now?: () => number
}

function isFloodLock(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'FLOOD_LOCKED'
}

/**
 * The client a command uses with `--wait-on-lock`: every API call it makes itself (resolving a
 * path, listing, creating a folder…) waits out a flood lock 1fichier answers, then is made again,
 * instead of ending the command. A call 1fichier refused with a lock was not carried out, so making
 * it again is safe.
 */
export function lockWaitingClient(client: FichierClient, options: LockWaitOptions): FichierClient {
  const now = options.now ?? Date.now
  const again = async (call: () => unknown, first: Promise<unknown>): Promise<unknown> => {
    let attempt = first
    for (;;) {
      try {
        return await attempt
      } catch (error) {
        if (!isFloodLock(error) || options.signal.aborted) throw error
        const until = Math.max(client.pausedUntil() ?? now() + UNKNOWN_LOCK_MS, now())
        options.onWait(until)
        await sleep(until - now() + 250, undefined, { signal: options.signal }).catch(() => {
          throw options.signal.reason
        })
        attempt = Promise.resolve().then(call)
      }
    }
  }
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        const call = () => (value as (...a: unknown[]) => unknown).apply(target, args)
        const result = call()
        return result instanceof Promise ? again(call, result) : result
      }
    },
  })
}
