import { useTranslation } from 'react-i18next'
import type { AccountWarning } from '../../../shared/model/account-warnings'

/** What stops or will soon stop transfers on this account, each with what to do. */
export function AccountWarningList({ warnings }: { warnings: AccountWarning[] }) {
  const { t } = useTranslation('account')
  if (warnings.length === 0) return null
  return (
    <ul className="warnings" aria-label={t('warnings.label')}>
      {warnings.map((warning) => (
        <li key={warning.kind} className="message message--warning">
          {warning.kind === 'free-account'
            ? t('warnings.freeAccount')
            : warning.kind === 'subscription-ended'
              ? t('warnings.subscriptionEnded')
              : warning.kind === 'subscription-ending'
                ? warning.daysLeft === 0
                  ? t('warnings.subscriptionEndsToday')
                  : t('warnings.subscriptionEnding', { count: warning.daysLeft })
                : warning.kind === 'over-quota'
                  ? t('warnings.overQuota')
                  : warning.kind === 'uploads-forbidden'
                    ? t('warnings.uploadsForbidden')
                    : t('warnings.cdnSpent')}
        </li>
      ))}
    </ul>
  )
}
