import { useTranslation } from 'react-i18next'
import type { AccountState } from '../../../shared/model/account'
import { formatBytes } from '../../../shared/format/format-bytes'
import { AccountWarningList } from './account-warning-list'
import { formatSubscriptionEnd } from './format-subscription-end'
import { useAccountWarnings } from './use-account-warnings'

/** What 1fichier says of the account, as a definition list; dates in the interface's language. */
export function AccountHealth({ state }: { state: AccountState }) {
  const { t, i18n } = useTranslation('account')
  const warnings = useAccountWarnings()
  const account = state.account
  if (!account) return <p className="field__hint">{t('health.empty')}</p>
  const cdn =
    account.cdnCredits === null
      ? '—'
      : account.cdnCredits <= 0
        ? t('health.cdnSpent')
        : account.useCdn
          ? t('health.cdnInUse', { credits: formatBytes(account.cdnCredits, i18n.language) })
          : formatBytes(account.cdnCredits, i18n.language)
  const rows: [string, string][] = [
    [t('health.email'), account.email],
    [t('health.offer'), t(`health.offers.${account.offer}`)],
    [t('health.subscriptionEnd'), formatSubscriptionEnd(account.subscriptionEnd, i18n.language)],
    [t('health.hotStorage'), formatBytes(account.hotStorage, i18n.language)],
    [
      t('health.coldStorage'),
      account.availableColdStorage === null
        ? formatBytes(account.coldStorage, i18n.language)
        : t('health.ofQuota', {
            used: formatBytes(account.coldStorage, i18n.language),
            quota: formatBytes(account.availableColdStorage, i18n.language),
          }),
    ],
    [t('health.cdnCredits'), cdn],
    [
      t('health.uploads'),
      account.uploadForbidden ? t('health.uploadsForbidden') : t('health.uploadsAllowed'),
    ],
    [t('health.quota'), account.overQuota ? t('health.overQuota') : t('health.withinQuota')],
    [
      t('health.checked'),
      state.checkedAt
        ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
            state.checkedAt,
          )
        : '—',
    ],
  ]
  return (
    <>
      <AccountWarningList warnings={warnings} />
      <dl className="facts" aria-label={t('health.label')}>
        {rows.map(([term, value]) => (
          <div key={term} className="facts__row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="field__hint">{t('health.checkedNote')}</p>
    </>
  )
}
