import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { UploadForm, UploadFormField } from './upload-form'
import './uploads.css'

interface UploadOptionsFieldsProps {
  form: UploadForm
  /** Fields refused on the last submit, shown with their error. */
  invalid: readonly UploadFormField[]
  onChange<K extends keyof UploadForm>(key: K, value: UploadForm[K]): void
  /** Shown right after the password field (e.g. a choice to remove the password). */
  afterPassword?: ReactNode
  passwordDisabled?: boolean
}

/** The fields of the file options: password, description, CDN and access restrictions. */
export function UploadOptionsFields({
  form,
  invalid,
  onChange,
  afterPassword,
  passwordDisabled = false,
}: UploadOptionsFieldsProps) {
  const { t } = useTranslation('uploads')
  const id = useId()
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
          <textarea {...common} rows={2} onChange={(event) => onChange(field, event.target.value)} />
        ) : (
          <input
            {...common}
            type={field === 'password' ? 'password' : 'text'}
            autoComplete="off"
            disabled={field === 'password' && passwordDisabled}
            onChange={(event) => onChange(field, event.target.value)}
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
    <>
      {text('password', t('options.password'), t('options.passwordHint'))}
      {afterPassword}
      {text('description', t('options.description'), undefined, true)}
      <label className="check">
        <input
          type="checkbox"
          checked={form.cdn}
          onChange={(event) => onChange('cdn', event.target.checked)}
        />
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
            onChange={(event) => onChange('premiumOnly', event.target.checked)}
          />
          {t('options.premium')}
        </label>
      </fieldset>
    </>
  )
}
