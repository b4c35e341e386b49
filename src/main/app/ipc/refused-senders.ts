/** Where a refused call came from, short enough for one log line: an origin, or a file's path. */
export function senderOrigin(url: string | undefined): string {
  if (!url) return '(no frame)'
  try {
    const parsed = new URL(url)
    const origin = parsed.protocol === 'file:' ? `file://${parsed.pathname}` : parsed.origin
    return origin.length > 200 ? `${origin.slice(0, 200)}…` : origin
  } catch {
    return '(not a URL)'
  }
}

/**
 * Logs calls refused by the sender check, once per origin (a hostile frame that keeps calling
 * cannot flood the log); answers whether this call was the one logged.
 */
export function refusedSenderLog(log: (message: string) => void) {
  const seen = new Set<string>()
  return (url: string | undefined, channel: string, reason: string): boolean => {
    const origin = senderOrigin(url)
    if (seen.has(origin)) return false
    seen.add(origin)
    log(`[ipc] refused ${channel} from ${origin} (${reason}); further calls from there are refused silently`)
    return true
  }
}
