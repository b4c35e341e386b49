import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AccountState } from '../../../shared/model/account'
import { call } from '../../lib/ipc'
import { useStores } from '../../stores/stores-context'
import { usePendingAction } from '../remote/use-pending-action'

/** 1fichier allows one account read per 5 minutes; main answers from its cache before that. */
const READ_INTERVAL_MS = 5 * 60_000

/** "Check now", enabled once 1fichier allows another account read; says when that will be. */
export function AccountRefresh({ state }: { state: AccountState }) {
  const { t, i18n } = useTranslation('account')
  const { status: statusStore } = useStores()
  const { busy, error, run } = usePendingAction()
  const nextAt = state.checkedAt === null ? null : state.checkedAt + READ_INTERVAL_MS
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (nextAt === null || nextAt <= now) return
    const timer = setTimeout(() => setNow(Date.now()), nextAt - now)
    return () => clearTimeout(timer)
  }, [nextAt, now])
  if (!state.hasKey) return null
  const waiting = nextAt !== null && nextAt > now
  return (
    <div className="card__actions">
      {error ? (
        <p className="message message--error" role="alert">
          {error}
        </p>
      ) : null}
      {waiting ? (
        <span className="field__hint">
          {t('health.nextCheck', {
            time: new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(nextAt),
          })}
        </span>
      ) : null}
      <button
        type="button"
        className="button"
        disabled={busy || waiting}
        onClick={() =>
          run(
            () => call('account:status', {}),
            (account) => {
              statusStore.setState({ account })
              setNow(Date.now())
            },
          )
        }
      >
        {t('health.refresh')}
      </button>
    </div>
  )
}
