import { open, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

const LOCK_FILE = 'cli.lock'
const POLL_MS = 500

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export interface LockOptions {
  signal: AbortSignal
  /** Told once when another command holds the folder and this one waits for it. */
  onWait(ownerPid: number): void
}

/**
 * One command at a time per state folder (two would write the same queue journal): waits while
 * another live process holds it; a lock left by a process that no longer runs is taken over.
 * Answers the release function.
 */
export async function lockStateDir(stateDir: string, options: LockOptions): Promise<() => Promise<void>> {
  const path = join(stateDir, LOCK_FILE)
  let told = false
  let unreadable = 0
  for (;;) {
    try {
      const handle = await open(path, 'wx', 0o600)
      await handle.writeFile(String(process.pid))
      await handle.close()
      return () => rm(path, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim())
    const valid = Number.isInteger(owner) && owner > 0
    if (valid && owner !== process.pid && alive(owner)) {
      if (!told) options.onWait(owner)
      told = true
      await sleep(POLL_MS, undefined, { signal: options.signal }).catch(() => {
        throw options.signal.reason
      })
    } else if (!valid && unreadable++ < 10) {
      // Just created by another process that has not written its pid yet.
      await sleep(50)
    } else {
      // Left by a process that no longer runs.
      await rm(path, { force: true })
    }
  }
}
