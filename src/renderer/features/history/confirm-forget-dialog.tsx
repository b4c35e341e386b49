import { useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'

interface ConfirmForgetDialogProps {
  /** How many history entries would go. */
  count: number
  onConfirm(): void
  onCancel(): void
}

/** Asks before removing entries from the history (the files themselves stay where they are). */
export function ConfirmForgetDialog({ count, onConfirm, onCancel }: ConfirmForgetDialogProps) {
  const { t } = useTranslation('history')
  const dialogRef = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const bodyId = useId()
  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])
  return (
    <dialog
      ref={dialogRef}
      className="dialog dialog--narrow"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onClose={onCancel}
    >
      <div className="dialog__body">
        <h2 id={titleId}>{t('forget.title')}</h2>
        <p id={bodyId}>{t('forget.body', { count })}</p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onCancel} autoFocus>
            {t('cancel', { ns: 'common' })}
          </button>
          <button type="button" className="button button--danger" onClick={onConfirm}>
            {t('forget.confirm')}
          </button>
        </div>
      </div>
    </dialog>
  )
}
