import type { AccountInfo } from './account'

/** Something about the account that stops or will soon stop transfers. */
export type AccountWarning =
  /** A free account's key: listings and uploads work, downloads through the API do not. */
  | { kind: 'free-account' }
  | { kind: 'subscription-ended' }
  /** `daysLeft`: whole days left, 0 when less than a day remains. */
  | { kind: 'subscription-ending'; daysLeft: number }
  | { kind: 'over-quota' }
  | { kind: 'uploads-forbidden' }
  | { kind: 'cdn-spent' }

/** Warn this many days before the subscription ends. */
export const SUBSCRIPTION_WARNING_DAYS = 14

const DAY_MS = 86_400_000

/**
 * 1fichier gives the end of a subscription as `YYYY-MM-DD HH:MM:SS`, Paris time. Read as UTC+1 (Paris in winter):
 * the warning is counted in whole days, so the summer hour does not change it. Null when the text is not a date.
 */
export function subscriptionEndMs(value: string | null): number | null {
  if (!value) return null
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value)
  if (!match) return null
  const [, year, month, day, hours = '0', minutes = '0', seconds = '0'] = match
  const ms = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hours) - 1,
    Number(minutes),
    Number(seconds),
  )
  return Number.isNaN(ms) ? null : ms
}

/** The warnings for `account` at `now` (epoch ms), most serious first. */
export function accountWarnings(account: AccountInfo, now: number): AccountWarning[] {
  const warnings: AccountWarning[] = []
  if (account.offer === 'free') warnings.push({ kind: 'free-account' })
  const end = account.offer === 'free' ? null : subscriptionEndMs(account.subscriptionEnd)
  if (end !== null && end <= now) warnings.push({ kind: 'subscription-ended' })
  else if (end !== null && end - now <= SUBSCRIPTION_WARNING_DAYS * DAY_MS) {
    warnings.push({ kind: 'subscription-ending', daysLeft: Math.floor((end - now) / DAY_MS) })
  }
  if (account.overQuota) warnings.push({ kind: 'over-quota' })
  if (account.uploadForbidden) warnings.push({ kind: 'uploads-forbidden' })
  if (account.useCdn && account.cdnCredits !== null && account.cdnCredits <= 0)
    warnings.push({ kind: 'cdn-spent' })
  return warnings
}
