import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import type { TransferStatus } from '../../shared/model/transfer'
import { formatBytes } from '../../shared/format/format-bytes'
import { useItems, useProgress, useStatus } from '../stores/stores-context'
import type { TransferProgressState } from '../stores/transfer-progress-state'
import { AccountWarningBadge } from './account-warning-badge'
import { AltSpeedToggle } from './alt-speed-toggle'
import { ApiPauseNotice } from './api-pause-notice'
import { SpeedGraph } from './speed-graph'
import { countStatuses } from './status-counts'

const SHOWN = [
  'active',
  'queued',
  'paused',
  'retrying',
  'failed',
  'completed',
] as const satisfies readonly TransferStatus[]

const hasMoving = (state: TransferProgressState) => {
  for (const _id in state.byId) return true
  return false
}

export function StatusBar({ onShowAccount }: { onShowAccount: () => void }) {
  const { t, i18n } = useTranslation('shell')
  // The last tick before the queue goes idle still carries the smoothed speed: nothing moving means 0.
  const downSpeed = useProgress((state) => (hasMoving(state) ? state.totals.downSpeed : 0))
  const upSpeed = useProgress((state) => (hasMoving(state) ? state.totals.upSpeed : 0))
  const counts = useItems(useShallow(countStatuses))
  const linkError = useStatus((state) => state.linkError)
  const down = `${formatBytes(downSpeed, i18n.language)}/s`
  const up = `${formatBytes(upSpeed, i18n.language)}/s`
  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <span className="status-bar__speed" aria-label={t('status.downSpeed', { speed: down })}>
        <span aria-hidden="true">↓</span> {down}
      </span>
      <span className="status-bar__speed" aria-label={t('status.upSpeed', { speed: up })}>
        <span aria-hidden="true">↑</span> {up}
      </span>
      <SpeedGraph />
      <ul className="status-bar__counts" aria-label={t('status.countsLabel')}>
        {SHOWN.map((status) => (
          <li key={status} data-status={status}>
            {t(`status.counts.${status}`, { count: counts[status] ?? 0 })}
          </li>
        ))}
      </ul>
      <span className="status-bar__spacer" />
      {linkError ? (
        <span className="status-bar__error" role="alert" title={linkError.code}>
          {t(`status.linkError.${linkError.step}`, { message: linkError.message })}
        </span>
      ) : null}
      <AltSpeedToggle />
      <AccountWarningBadge onShowAccount={onShowAccount} />
      <ApiPauseNotice />
    </footer>
  )
}
