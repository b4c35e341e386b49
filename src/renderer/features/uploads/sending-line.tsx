import { useTranslation } from 'react-i18next'
import { formatBytes } from '../../../shared/format/format-bytes'
import { useSending } from './local-file-paths'

/** While files go from the browser to the server: how many, how much of how much, and Stop. */
export function SendingLine() {
  const { t, i18n } = useTranslation('uploads')
  const sending = useSending()
  if (!sending) return null
  const percent = sending.total > 0 ? Math.floor((sending.sent / sending.total) * 100) : 0
  return (
    <div className="sending-line" role="status" aria-live="polite">
      <span>
        {t('web.sending', {
          count: sending.files,
          sent: formatBytes(sending.sent, i18n.language),
          total: formatBytes(sending.total, i18n.language),
          percent,
        })}
      </span>
      <progress max={sending.total || 1} value={sending.sent} aria-label={t('web.sendingLabel')} />
      <button type="button" className="button" onClick={sending.cancel}>
        {t('web.stop')}
      </button>
    </div>
  )
}
