import { describe, expect, it } from 'vitest'
import type { AccountInfo } from '../../../src/shared/model/account'
import { accountWarnings, subscriptionEndMs } from '../../../src/shared/model/account-warnings'

const DAY_MS = 86_400_000
/** 2027-03-01 12:00 UTC. */
const NOW = Date.UTC(2027, 2, 1, 12)

const healthy: AccountInfo = {
  email: 'ada@example.org',
  offer: 'premium',
  subscriptionEnd: '2028-01-01 00:00:00',
  hotStorage: 0,
  coldStorage: 10,
  availableColdStorage: 100,
  cdnCredits: 0,
  useCdn: false,
  uploadForbidden: false,
  overQuota: false,
}

describe('account warnings', () => {
  it('has none for an account in good standing (CDN credits at 0 with CDN off are fine)', () => {
    expect(accountWarnings(healthy, NOW)).toEqual([])
  })

  it('reads 1fichier’s Paris time as UTC+1', () => {
    expect(subscriptionEndMs('2027-03-15 13:00:00')).toBe(Date.UTC(2027, 2, 15, 12))
    expect(subscriptionEndMs('2027-03-15')).toBe(Date.UTC(2027, 2, 14, 23))
    expect(subscriptionEndMs('')).toBeNull()
    expect(subscriptionEndMs('soon')).toBeNull()
  })

  it('counts whole days left in the last 14 days, and says when it has ended', () => {
    const at = (ms: number) => {
      const date = new Date(ms + 3_600_000).toISOString()
      return `${date.slice(0, 10)} ${date.slice(11, 19)}`
    }
    const endingIn = (ms: number) => accountWarnings({ ...healthy, subscriptionEnd: at(NOW + ms) }, NOW)
    expect(endingIn(15 * DAY_MS)).toEqual([])
    expect(endingIn(14 * DAY_MS)).toEqual([{ kind: 'subscription-ending', daysLeft: 14 }])
    expect(endingIn(3 * DAY_MS + 4 * 3_600_000)).toEqual([{ kind: 'subscription-ending', daysLeft: 3 }])
    expect(endingIn(5 * 3_600_000)).toEqual([{ kind: 'subscription-ending', daysLeft: 0 }])
    expect(endingIn(-60_000)).toEqual([{ kind: 'subscription-ended' }])
  })

  it('says what a free account cannot do, and ignores its end date (it has no subscription)', () => {
    expect(
      accountWarnings({ ...healthy, offer: 'free', subscriptionEnd: '2020-01-01 00:00:00' }, NOW),
    ).toEqual([{ kind: 'free-account' }])
  })

  it('lists quota, forbidden uploads and spent CDN credits, most serious first', () => {
    const account = { ...healthy, overQuota: true, uploadForbidden: true, useCdn: true, cdnCredits: 0 }
    expect(accountWarnings(account, NOW).map((w) => w.kind)).toEqual([
      'over-quota',
      'uploads-forbidden',
      'cdn-spent',
    ])
    expect(accountWarnings({ ...healthy, useCdn: true, cdnCredits: 12.5 }, NOW)).toEqual([])
  })
})
