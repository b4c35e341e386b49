const UNITS = ['B', 'KB', 'MB', 'GB', 'TB']

/** `1.5 MB/s`-style text for a byte rate (powers of 1024, one decimal under 10). */
export function formatSpeed(bytesPerSecond: number): string {
  let value = Math.max(0, bytesPerSecond)
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit += 1
  }
  const shown = unit === 0 || value >= 10 ? Math.round(value).toString() : value.toFixed(1)
  return `${shown} ${UNITS[unit] ?? 'B'}/s`
}
