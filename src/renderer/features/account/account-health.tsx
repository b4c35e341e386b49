import type { AccountState } from '../../../shared/model/account'
import { formatBytes } from '../../lib/format-bytes'

const OFFERS = { free: 'Free', premium: 'Premium', access: 'Access', unknown: 'Unknown offer' } as const

/** What 1fichier says of the account, as a definition list. */
export function AccountHealth({ state }: { state: AccountState }) {
  const account = state.account
  if (!account) return <p className="field__hint">Account details appear here once the key is checked.</p>
  const rows: [string, string][] = [
    ['Email', account.email],
    ['Offer', OFFERS[account.offer]],
    ['Subscription ends', account.subscriptionEnd ?? '—'],
    ['Hot storage used', formatBytes(account.hotStorage)],
    [
      'Cold storage used',
      account.availableColdStorage === null
        ? formatBytes(account.coldStorage)
        : `${formatBytes(account.coldStorage)} of ${formatBytes(account.availableColdStorage)}`,
    ],
    [
      'CDN credits',
      account.cdnCredits === null
        ? '—'
        : `${formatBytes(account.cdnCredits)}${account.useCdn ? ' (in use)' : ''}`,
    ],
    ['Uploads', account.uploadForbidden ? 'Forbidden by 1fichier' : 'Allowed'],
    ['Quota', account.overQuota ? 'Over quota' : 'Within quota'],
    ['Last checked', state.checkedAt ? new Date(state.checkedAt).toLocaleString() : '—'],
  ]
  return (
    <dl className="facts" aria-label="Account details">
      {rows.map(([term, value]) => (
        <div key={term} className="facts__row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
