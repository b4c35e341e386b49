import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDuration } from '../lib/format-duration'
import { useStatus } from '../stores/stores-context'

/** "1fichier asked us to slow down — resuming in 42 s", counting down while the API is paused. */
export function ApiPauseNotice() {
  const { t, i18n } = useTranslation('shell')
  const pause = useStatus((state) => state.apiPause)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!pause) return
    const tick = () => setNow(Date.now())
    // At once (the clock may have stood still while nothing was paused), then every second.
    const first = setTimeout(tick, 0)
    const timer = setInterval(tick, 1000)
    return () => {
      clearTimeout(first)
      clearInterval(timer)
    }
  }, [pause])
  if (!pause) return <span className="status-bar__api">{t('api.ready')}</span>
  const seconds = Math.max(0, (pause.until - now) / 1000)
  return (
    <span className="status-bar__api status-bar__api--paused" role="status" title={t('api.pausedTitle')}>
      {t('api.paused', { time: formatDuration(seconds, i18n.language) })}
    </span>
  )
}
