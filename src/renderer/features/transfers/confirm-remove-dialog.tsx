import { useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'

interface ConfirmRemoveDialogProps {
  /** How many transfers would be removed, and how many of them are still moving bytes. */
  count: number
  active: number
  onConfirm(): void
  onCancel(): void
}

/** Asks before removing transfers of which some are still in progress. */
export function ConfirmRemoveDialog({ count, active, onConfirm, onCancel }: ConfirmRemoveDialogProps) {
  const { t } = useTranslation('transfers')
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
        <h2 id={titleId}>{t('confirmRemove.title')}</h2>
        <div id={bodyId}>
          <p>{t('confirmRemove.body', { count })}</p>
          {active > 0 ? (
            <p className="message message--warning">{t('confirmRemove.active', { count: active })}</p>
          ) : null}
        </div>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onCancel} autoFocus>
            {t('cancel', { ns: 'common' })}
          </button>
          <button type="button" className="button button--danger" onClick={onConfirm}>
            {t('confirmRemove.confirm')}
          </button>
        </div>
      </div>
    </dialog>
  )
}
