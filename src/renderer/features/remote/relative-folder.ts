/** Characters no common file system takes in a name (Windows being the strictest), and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are what is replaced
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*]/g

/** A remote folder name made safe as one local folder name (no separators, no `.` or `..`, no trailing dot or space). */
export function safeSegment(name: string): string {
  const cleaned = name
    .replace(UNSAFE, '_')
    .replace(/[. ]+$/, '')
    .trim()
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return '_'
  return cleaned
}

/**
 * A folder inside the download folder named after remote folders, e.g. `Photos/Summer`: each name
 * made safe, joined with `/` (the app resolves it inside the download folder on every system).
 */
export function relativeFolder(segments: readonly string[]): string {
  return segments.map(safeSegment).join('/')
}
