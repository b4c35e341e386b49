import { useTranslation } from 'react-i18next'
import { ConfirmDialog } from '../../app/confirm-dialog'

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
  return (
    <ConfirmDialog
      title={t('confirmRemove.title')}
      confirmLabel={t('confirmRemove.confirm')}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>{t('confirmRemove.body', { count })}</p>
      {active > 0 ? (
        <p className="message message--warning">{t('confirmRemove.active', { count: active })}</p>
      ) : null}
    </ConfirmDialog>
  )
}
