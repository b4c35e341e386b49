const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB']
/** French writes bytes as octets. */
const FRENCH_UNITS = ['o', 'Ko', 'Mo', 'Go', 'To', 'Po']

/**
 * `1536` → `1.5 KB` (binary multiples, the way file managers show sizes). With `language` (an
 * i18next language such as `fr`), the number follows that language's Intl format and French units.
 */
export function formatBytes(bytes: number | null | undefined, language?: string): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '—'
  let value = Math.max(0, bytes)
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit++
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2
  if (language === undefined) return `${value.toFixed(digits)} ${UNITS[unit]}`
  const number = new Intl.NumberFormat(language, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
  }).format(value)
  const units = language.toLowerCase().startsWith('fr') ? FRENCH_UNITS : UNITS
  return `${number} ${units[unit]}`
}

/** A byte rate in the same units: `1.50 MB/s` (`Mo/s` in French). */
export function formatSpeed(bytesPerSecond: number, language?: string): string {
  return `${formatBytes(Math.max(0, bytesPerSecond), language)}/s`
}
