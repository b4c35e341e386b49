import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatSpeed } from '../../shared/format/format-bytes'
import { altLimitsActive, localMinute } from '../../shared/model/speed-schedule'
import { describeError } from '../lib/describe-error'
import { call } from '../lib/ipc'
import { useStatus, useStores } from '../stores/stores-context'
import { showFailure } from './toasts/toast-center'

/**
 * The status bar's switch for the alternative speed limits: shows whether they apply now (by the setting or
 * the schedule) and turns them on or off in one click (Settings sets the schedule back).
 */
export function AltSpeedToggle() {
  const { t, i18n } = useTranslation('shell')
  const settings = useStatus((state) => state.settings)
  const { status } = useStores()
  const [now, setNow] = useState(() => Date.now())
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    if (settings?.altSpeedMode !== 'schedule') return
    const timer = setInterval(() => setNow(Date.now()), 15_000)
    return () => clearInterval(timer)
  }, [settings?.altSpeedMode])
  if (!settings) return null
  const active = altLimitsActive(settings.altSpeedMode, settings.speedSchedule, localMinute(now))
  const limit = (rate: number) => (rate === 0 ? t('altSpeed.unlimited') : formatSpeed(rate, i18n.language))
  const toggle = async () => {
    setBusy(true)
    try {
      const next = await call('settings:update', { altSpeedMode: active ? 'off' : 'on' })
      status.setState({ settings: next })
      setNow(Date.now())
    } catch (error) {
      showFailure(t('altSpeed.label'), new Error(describeError(error)))
    } finally {
      setBusy(false)
    }
  }
  return (
    <button
      type="button"
      className={active ? 'status-bar__alt status-bar__alt--on' : 'status-bar__alt'}
      aria-pressed={active}
      aria-label={t('altSpeed.label')}
      disabled={busy}
      title={t(active ? 'altSpeed.onTitle' : 'altSpeed.offTitle', {
        down: limit(settings.altDownloadLimit),
        up: limit(settings.altUploadLimit),
      })}
      onClick={() => void toggle()}
    >
      {active
        ? t(settings.altSpeedMode === 'schedule' ? 'altSpeed.onSchedule' : 'altSpeed.on')
        : t('altSpeed.off')}
    </button>
  )
}
