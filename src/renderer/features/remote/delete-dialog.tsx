import { useTranslation } from 'react-i18next'
import { RemoteDialog } from './remote-dialog'
import { usePendingAction } from './use-pending-action'
import type { PickedRows } from './remote-row-selection'

/** Names shown before "and N more". */
const SHOWN = 8

/** Confirms a deletion, naming what goes (folders with everything in them). */
export function DeleteDialog({
  picked,
  onConfirm,
  onCancel,
}: {
  picked: PickedRows
  onConfirm(): Promise<void>
  onCancel(): void
}) {
  const { t } = useTranslation('remote')
  const { busy, error, run } = usePendingAction()
  const names = [
    ...picked.folders.map((folder) => ({
      key: `d${folder.id}`,
      text: t('delete.folder', { name: folder.name }),
    })),
    ...picked.files.map((file) => ({ key: file.url, text: file.name })),
  ]
  const count = names.length

  const confirm = () => run(onConfirm)

  return (
    <RemoteDialog
      error={error}
      title={t('delete.title', { count })}
      onCancel={onCancel}
      onSubmit={confirm}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            {t('cancel', { ns: 'common' })}
          </button>
          <button type="submit" className="button button--danger-solid" disabled={busy} data-autofocus>
            {t('delete.confirm')}
          </button>
        </>
      }
    >
      <p className="remote-dialog__intro">{t('delete.intro')}</p>
      <ul className="remote-dialog__names">
        {names.slice(0, SHOWN).map((name) => (
          <li key={name.key}>{name.text}</li>
        ))}
        {count > SHOWN ? <li>{t('delete.more', { count: count - SHOWN })}</li> : null}
      </ul>
    </RemoteDialog>
  )
}
