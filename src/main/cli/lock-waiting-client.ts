import { setTimeout as sleep } from 'node:timers/promises'
import type { FichierClient } from '../core/fichier/fichier-client'

/** When 1fichier names no end for a flood lock, wait this long before asking again. */
const UNKNOWN_LOCK_MS = 30_000

/** A call of the command still unanswered after this long is said to be waited for. */
const SLOW_CALL_MS = 5000

export interface LockWaitOptions {
  signal: AbortSignal
  /** Wait out flood locks (true), or let FLOOD_LOCKED end the command (false). */
  waitOnLock: boolean
  /** Told once per call that is still unanswered after a few seconds, with the method's name. */
  onSlow(method: string): void
  /** Told each time a call waits for the end of a flood lock, with when it will try again. */
  onWait(until: number): void
  now?: () => number
}

function isFloodLock(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'FLOOD_LOCKED'
}

/**
 * The client a command uses for the API calls it makes itself (resolving a path, listing, creating a
 * folder…): a call still unanswered after a few seconds is said to be waited for (1fichier allows one
 * listing per folder every 30 s), and with `--wait-on-lock` a flood lock 1fichier answers is waited
 * out and the call made again, instead of ending the command. A call 1fichier refused with a lock
 * was not carried out, so making it again is safe.
 */
export function lockWaitingClient(client: FichierClient, options: LockWaitOptions): FichierClient {
  const now = options.now ?? Date.now
  const again = async (call: () => unknown, first: Promise<unknown>): Promise<unknown> => {
    let attempt = first
    for (;;) {
      try {
        return await attempt
      } catch (error) {
        if (!options.waitOnLock || !isFloodLock(error) || options.signal.aborted) throw error
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
        if (!(result instanceof Promise)) return result
        const slow = setTimeout(() => options.onSlow(String(property)), SLOW_CALL_MS)
        return again(call, result).finally(() => clearTimeout(slow))
      }
    },
  })
}
