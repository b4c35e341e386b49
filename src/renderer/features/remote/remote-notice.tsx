import { useTranslation } from 'react-i18next'

/** The outcome of the last action of the view, with where to go next when there is somewhere. */
export interface RemoteNotice {
  tone: 'ok' | 'info' | 'error'
  text: string
  action?: 'transfers' | 'settings'
}

export function RemoteNoticeBar({
  notice,
  onAction,
  onDismiss,
}: {
  notice: RemoteNotice
  onAction(action: 'transfers' | 'settings'): void
  onDismiss(): void
}) {
  const { t } = useTranslation('remote')
  const tone = notice.tone === 'ok' ? 'message--ok' : notice.tone === 'error' ? 'message--error' : ''
  const { action } = notice
  return (
    <div className={`message remote-notice ${tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      <span className="remote-notice__text">{notice.text}</span>
      {action ? (
        <button type="button" className="link" onClick={() => onAction(action)}>
          {t(action === 'transfers' ? 'actions.showTransfers' : 'actions.openSettings')}
        </button>
      ) : null}
      <button
        type="button"
        className="link remote-notice__close"
        aria-label={t('actions.dismiss')}
        onClick={onDismiss}
      >
        ✕
      </button>
    </div>
  )
}
