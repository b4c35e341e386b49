import { readFile } from 'node:fs/promises'
import { uptime } from 'node:os'

/** How far apart two readings of the boot time may be and still name the same boot. */
const BOOT_TIME_SLACK_MS = 5_000

let cached: Promise<string> | undefined

/**
 * Names the running boot of the OS, so that bytes written (but not synced) before a process was
 * killed are trusted only while the OS that cached them still runs: Linux's boot id, elsewhere the
 * boot time derived from the uptime (`time:<epoch ms>`, compared with some slack).
 */
export function bootIdentity(): Promise<string> {
  cached ??= readFile('/proc/sys/kernel/random/boot_id', 'utf8').then(
    (id) => `id:${id.trim()}`,
    () => `time:${Math.round(Date.now() - uptime() * 1000)}`,
  )
  return cached
}

export function sameBoot(a: string | undefined, b: string): boolean {
  if (a === undefined) return false
  if (a.startsWith('time:') && b.startsWith('time:')) {
    return Math.abs(Number(a.slice(5)) - Number(b.slice(5))) < BOOT_TIME_SLACK_MS
  }
  return a === b
}
