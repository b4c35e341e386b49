import { useEffect, useMemo, useState } from 'react'
import { accountWarnings, type AccountWarning } from '../../../shared/model/account-warnings'
import { useStatus } from '../../stores/stores-context'

const HOUR_MS = 3_600_000

/** The warnings for the account as last read, re-evaluated every hour (a subscription end comes closer by itself). */
export function useAccountWarnings(): AccountWarning[] {
  const account = useStatus((status) => status.account?.account ?? null)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), HOUR_MS)
    return () => clearInterval(timer)
  }, [])
  return useMemo(() => (account ? accountWarnings(account, now) : []), [account, now])
}
