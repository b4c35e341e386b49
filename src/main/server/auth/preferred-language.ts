export type PageLanguage = 'en' | 'fr'

/**
 * The language of the login page for an `Accept-Language` header: French when the client ranks a
 * French tag above any English one (by q-value, then by order), English otherwise.
 */
export function preferredLanguage(acceptLanguage: string | undefined): PageLanguage {
  let best: { language: PageLanguage; q: number } | null = null
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [tag = '', ...params] = part.trim().split(';')
    const primary = tag.trim().toLowerCase().split('-')[0]
    if (primary !== 'en' && primary !== 'fr') continue
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const q = qParam === undefined ? 1 : Number(qParam.slice(2))
    if (!Number.isFinite(q) || q <= 0) continue
    if (!best || q > best.q) best = { language: primary, q }
  }
  return best?.language ?? 'en'
}
