import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FileOptions } from '../../../shared/model/intake'
import type { RemoteFile } from '../../../shared/model/remote'
import { EMPTY_UPLOAD_FORM, type UploadForm, type UploadFormField } from '../uploads/upload-form'
import { UploadOptionsFields } from '../uploads/upload-options-fields'
import { fileOptionsOf } from './file-options-form'
import { usePendingAction } from './use-pending-action'
import { RemoteDialog } from './remote-dialog'

interface FileOptionsDialogProps {
  files: readonly RemoteFile[]
  /** Folders also selected, which options leave alone. */
  foldersLeft: number
  onConfirm(options: FileOptions): Promise<void>
  onCancel(): void
}

/** Changes the password, description, CDN flag or access rules of files already on 1fichier. */
export function FileOptionsDialog({ files, foldersLeft, onConfirm, onCancel }: FileOptionsDialogProps) {
  const { t } = useTranslation('remote')
  const [form, setForm] = useState<UploadForm>(EMPTY_UPLOAD_FORM)
  const [removePassword, setRemovePassword] = useState(false)
  const [invalid, setInvalid] = useState<UploadFormField[]>([])
  const { busy, error, setError, run } = usePendingAction()

  const set = <K extends keyof UploadForm>(key: K, value: UploadForm[K]) => {
    setForm((current) => ({ ...current, [key]: value }))
    setInvalid((current) => current.filter((field) => field !== key))
    setError(null)
  }
  const submit = () => {
    if (busy) return
    const outcome = fileOptionsOf(form, removePassword)
    if (!outcome.ok) {
      if ('nothing' in outcome) setError(t('fileOptions.nothing'))
      else setInvalid(outcome.invalid)
      return
    }
    run(() => onConfirm(outcome.options))
  }

  return (
    <RemoteDialog
      error={error}
      title={t('fileOptions.title', { count: files.length })}
      onCancel={onCancel}
      onSubmit={submit}
      wide
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            {t('cancel', { ns: 'common' })}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('fileOptions.submit')}
          </button>
        </>
      }
    >
      <p className="remote-dialog__intro">{t('fileOptions.intro')}</p>
      {foldersLeft > 0 ? (
        <p className="field__hint">{t('fileOptions.foldersLeft', { count: foldersLeft })}</p>
      ) : null}
      <div className="upload-options file-options">
        <UploadOptionsFields
          form={form}
          invalid={invalid}
          onChange={set}
          passwordDisabled={removePassword}
          afterPassword={
            <label className="check">
              <input
                type="checkbox"
                checked={removePassword}
                onChange={(event) => {
                  setRemovePassword(event.target.checked)
                  setInvalid((current) => current.filter((field) => field !== 'password'))
                  setError(null)
                }}
              />
              {t('fileOptions.removePassword')}
            </label>
          }
        />
      </div>
    </RemoteDialog>
  )
}
