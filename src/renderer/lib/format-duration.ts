/**
 * `3725` → `1 h 02 min`; `42` → `42 s`; three days → `3 d` (`3 j` in French); null → `—`.
 * `language` is an i18next language such as `fr`; English units otherwise.
 */
export function formatDuration(seconds: number | null | undefined, language?: string): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—'
  const total = Math.max(0, Math.round(seconds))
  if (total < 60) return `${total} s`
  const minutes = Math.floor(total / 60)
  if (minutes < 60) return `${minutes} min ${String(total % 60).padStart(2, '0')} s`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`
  const day = language?.toLowerCase().startsWith('fr') ? 'j' : 'd'
  return `${Math.floor(hours / 24)} ${day}`
}
