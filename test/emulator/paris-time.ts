const formatter = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

/** Formats an epoch-ms time the way 1fichier prints dates: `YYYY-MM-DD HH:MM:SS`, Paris local time, no zone. */
export function parisTime(epochMs: number): string {
  return formatter.format(new Date(epochMs)).replace('T', ' ')
}

/** The placeholder 1fichier shows for a remote-upload job that has not run yet. */
export const NEVER = '1970-01-01 00:00:00'

/** Parses a Paris-time `YYYY-MM-DD HH:MM:SS` back to epoch ms (undefined when malformed). */
export function parseParisTime(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text)
  if (!match) return undefined
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number]
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s)
  // Paris is UTC+1 or UTC+2: find the offset that round-trips.
  for (const offsetHours of [1, 2]) {
    const candidate = asUtc - offsetHours * 3_600_000
    if (parisTime(candidate) === text) return candidate
  }
  return asUtc - 3_600_000
}
