/** 1fichier's dates (`2024-05-01 14:03:00`, Paris time) shown in the interface's language; anything else as it came. */
export function formatRemoteDate(text: string | null, language: string): string {
  if (!text) return '—'
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim())
  if (!match) return text
  const [, year, month, day, hour, minute] = match.map(Number) as number[]
  // Shown as written (the wall-clock time 1fichier gives), so no time zone is applied.
  const date = new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!))
  if (Number.isNaN(date.getTime())) return text
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(date)
}
