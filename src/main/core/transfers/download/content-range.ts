/** `Content-Range: bytes 100-199/1000` → `{ start: 100, end: 200, total: 1000 }` (end exclusive); null if malformed. */
export function parseContentRange(
  header: string | undefined,
): { start: number; end: number; total: number | null } | null {
  if (!header) return null
  const match = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(header.trim())
  if (!match) return null
  const start = Number(match[1])
  const last = Number(match[2])
  const total = match[3] === '*' ? null : Number(match[3])
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(last) || last < start) return null
  if (total !== null && (!Number.isSafeInteger(total) || last >= total)) return null
  return { start, end: last + 1, total }
}
