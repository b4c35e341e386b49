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

/** Joins a local folder with sub-folders named after remote folders, with the separator of `platform`. */
export function localPath(base: string, segments: readonly string[], platform: string): string {
  const separator = platform === 'win32' ? '\\' : '/'
  const root = base.length > 1 ? base.replace(/[\\/]+$/, '') : base
  const parts = segments.map(safeSegment)
  if (parts.length === 0) return root
  return root.endsWith(separator) ? root + parts.join(separator) : [root, ...parts].join(separator)
}
