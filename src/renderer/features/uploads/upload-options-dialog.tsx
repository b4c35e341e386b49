import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { UploadOptions } from '../../../shared/model/intake'
import { uploadOptionsOf, type UploadForm, type UploadFormField } from './upload-form'
import { UploadOptionsFields } from './upload-options-fields'
import './uploads.css'

interface UploadOptionsDialogProps {
  /** How many dropped items (files or folders) and where they go. */
  count: number
  folderName: string
  initial: UploadForm
  onUpload(options: UploadOptions | undefined, form: UploadForm): void
  onCancel(): void
}

/** Asked after a drop: password, description, CDN and access restrictions for the uploaded files. */
export function UploadOptionsDialog({
  count,
  folderName,
  initial,
  onUpload,
  onCancel,
}: UploadOptionsDialogProps) {
  const { t } = useTranslation('uploads')
  const dialogRef = useRef<HTMLDialogElement>(null)
  const id = useId()
  const [form, setForm] = useState<UploadForm>(initial)
  const [invalid, setInvalid] = useState<UploadFormField[]>([])
  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  const set = <K extends keyof UploadForm>(key: K, value: UploadForm[K]) => {
    setForm((current) => ({ ...current, [key]: value }))
    setInvalid((current) => current.filter((field) => field !== key))
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const outcome = uploadOptionsOf(form)
    if (!outcome.ok) {
      setInvalid(outcome.invalid)
      return
    }
    onUpload(outcome.options, form)
  }
  return (
    <dialog
      ref={dialogRef}
      className="dialog upload-options"
      aria-labelledby={`${id}-title`}
      onClose={onCancel}
    >
      <form className="dialog__body" onSubmit={submit} noValidate>
        <h2 id={`${id}-title`}>{t('options.title', { count, folder: folderName })}</h2>
        <p className="field__hint">{t('options.intro')}</p>
        <UploadOptionsFields form={form} invalid={invalid} onChange={set} />
        <p className="field__hint">{t('options.remembered')}</p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onCancel}>
            {t('cancel', { ns: 'common' })}
          </button>
          <button type="submit" className="button button--primary" autoFocus>
            {t('options.submit')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
