import { useTranslation } from 'react-i18next'
import { useAccountWarnings } from '../features/account/use-account-warnings'

/** A status-bar button that appears while the account has warnings; it opens the Account view. */
export function AccountWarningBadge({ onShowAccount }: { onShowAccount: () => void }) {
  const { t } = useTranslation('shell')
  const warnings = useAccountWarnings()
  if (warnings.length === 0) return null
  return (
    <button type="button" className="status-bar__warning" onClick={onShowAccount}>
      {t('status.accountWarnings', { count: warnings.length })}
    </button>
  )
}
