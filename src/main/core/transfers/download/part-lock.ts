import { stat } from 'node:fs/promises'
import lockfile from 'proper-lockfile'
import { TransferFailureError } from '../transfer-failure'

/** The lock is refreshed this often, and taken over when older than `STALE_MS` (its owner died). */
const UPDATE_MS = 1_000
const STALE_MS = 4_000

export interface PartLock {
  release(): Promise<void>
  /** Set when the lock was lost (its folder removed or taken over): the part must not be written on. */
  readonly lost: Error | null
}

/**
 * Makes this process the only writer of a part file and its control record (a `<part>.lock`
 * folder, refreshed while held). A lock left by a killed process is taken over once stale, so a
 * restart right after a kill waits a few seconds; a live owner makes this fail with `PART_IN_USE`
 * (after a few seconds of retries, unless `wait` is false).
 */
export async function lockPart(
  partPath: string,
  options: { wait?: boolean } = {},
  again = false,
): Promise<PartLock> {
  const state: { lost: Error | null } = { lost: null }
  try {
    const release = await lockfile.lock(partPath, {
      realpath: false,
      lockfilePath: `${partPath}.lock`,
      stale: STALE_MS,
      update: UPDATE_MS,
      // `wait: false` (a new download choosing its name) asks once: a name in use is not waited for.
      retries: options.wait === false ? 0 : { retries: 6, minTimeout: 500, maxTimeout: 1_000, factor: 1 },
      onCompromised: (error) => {
        state.lost = error
      },
    })
    return {
      release: () => release().catch(() => undefined),
      get lost() {
        return state.lost
      },
    }
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ELOCKED') {
      // A live owner refreshes the lock every second; one not refreshed for longer is a killed owner's: wait
      // until it is stale, then take it over (a restart right after a kill).
      const age = again ? null : await lockAge(`${partPath}.lock`)
      if (age !== null && age > 2 * UPDATE_MS) {
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, STALE_MS - age) + 500))
        return lockPart(partPath, options, true)
      }
      throw new TransferFailureError(
        'PART_IN_USE',
        `Another process is downloading into ${partPath}; this one leaves it alone.`,
        { retriable: false, cause: error },
      )
    }
    throw error
  }
}

/** Milliseconds since the lock was last refreshed, or null when it is gone. */
async function lockAge(lockPath: string): Promise<number | null> {
  const info = await stat(lockPath).catch(() => null)
  return info ? Date.now() - info.mtimeMs : null
}
