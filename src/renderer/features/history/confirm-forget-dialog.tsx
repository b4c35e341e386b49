import { useTranslation } from 'react-i18next'
import { ConfirmDialog } from '../../app/confirm-dialog'

/** Asks before removing entries from the history (the files themselves stay where they are). */
export function ConfirmForgetDialog({
  count,
  onConfirm,
  onCancel,
}: {
  /** How many history entries would go. */
  count: number
  onConfirm(): void
  onCancel(): void
}) {
  const { t } = useTranslation('history')
  return (
    <ConfirmDialog
      title={t('forget.title')}
      confirmLabel={t('forget.confirm')}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>{t('forget.body', { count })}</p>
    </ConfirmDialog>
  )
}
