/**
 * 1fichier gives the end of a subscription as `YYYY-MM-DD HH:MM:SS` (Paris time). Shown as a date
 * in `language` (e.g. `12 March 2027`, `12 mars 2027`); anything else is shown as given, empty as `—`.
 */
export function formatSubscriptionEnd(value: string | null, language: string): string {
  if (!value) return '—'
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value)
  if (!match) return value
  const [, year, month, day] = match
  // Noon UTC of that calendar day, shown in UTC: the day cannot shift with the time zone.
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), 12))
  if (Number.isNaN(date.getTime())) return value
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date)
}
