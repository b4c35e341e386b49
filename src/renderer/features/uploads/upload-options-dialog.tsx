import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { UploadOptions } from '../../../shared/model/intake'
import { uploadOptionsOf, type UploadForm, type UploadFormField } from './upload-form'
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
  const text = (field: UploadFormField, label: string, hint?: string, area = false) => {
    const inputId = `${id}-${field}`
    const bad = invalid.includes(field)
    const describedBy = [hint ? `${inputId}-hint` : '', bad ? `${inputId}-error` : '']
      .filter(Boolean)
      .join(' ')
    const common = {
      id: inputId,
      className: `input${area ? ' input--area' : ''}`,
      value: form[field],
      'aria-invalid': bad || undefined,
      'aria-describedby': describedBy || undefined,
      spellCheck: false,
    }
    return (
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          {label}
        </label>
        {area ? (
          <textarea {...common} rows={2} onChange={(event) => set(field, event.target.value)} />
        ) : (
          <input
            {...common}
            type={field === 'password' ? 'password' : 'text'}
            autoComplete="off"
            onChange={(event) => set(field, event.target.value)}
          />
        )}
        {hint ? (
          <span id={`${inputId}-hint`} className="field__hint">
            {hint}
          </span>
        ) : null}
        {bad ? (
          <span id={`${inputId}-error`} className="field__error" role="alert">
            {t(`errors.${field}`)}
          </span>
        ) : null}
      </div>
    )
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
        {text('password', t('options.password'), t('options.passwordHint'))}
        {text('description', t('options.description'), undefined, true)}
        <label className="check">
          <input type="checkbox" checked={form.cdn} onChange={(event) => set('cdn', event.target.checked)} />
          {t('options.cdn')}
        </label>
        <fieldset className="upload-options__access">
          <legend>{t('options.access')}</legend>
          <p className="field__hint">{t('options.accessHint')}</p>
          <div className="upload-options__grid">
            {text('ips', t('options.ips'), t('options.listHint'))}
            {text('countries', t('options.countries'), t('options.countriesHint'))}
          </div>
          {text('emails', t('options.emails'), t('options.listHint'))}
          <label className="check">
            <input
              type="checkbox"
              checked={form.premiumOnly}
              onChange={(event) => set('premiumOnly', event.target.checked)}
            />
            {t('options.premium')}
          </label>
        </fieldset>
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
