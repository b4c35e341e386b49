import { useEffect, useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Settings, SettingsPatch } from '../../../shared/model/settings'
import { SpeedSchedule } from '../../../shared/model/speed-schedule'
import { settings as en } from '../../../shared/i18n/locales/en/settings'
import { describeError } from '../../lib/describe-error'
import { call, transportKind } from '../../lib/ipc'
import { IpcCallError } from '../../lib/ipc-call-error'
import { useStores } from '../../stores/stores-context'
import { fieldErrors } from './field-errors'
import { fieldProblem, type FieldProblem } from './field-problem'
import { ScheduleEditor } from './schedule-editor'
import { SETTINGS_GROUPS, type SettingKey, type SettingsField } from './settings-fields'
import './settings.css'

type Draft = Record<string, string | boolean>
/** A message per field key (`''`: for the form as a whole). */
type Errors = Record<string, string>
type HintKey = keyof typeof en.hints

const ALL_FIELDS = SETTINGS_GROUPS.flatMap((group) => group.fields)
const hasHint = (key: SettingKey): key is HintKey => Object.hasOwn(en.hints, key)

function toDraft(settings: Settings): Draft {
  const draft: Draft = {}
  for (const field of ALL_FIELDS) {
    const value = settings[field.key]
    if (field.kind === 'boolean') draft[field.key] = Boolean(value)
    else if (field.kind === 'schedule') draft[field.key] = JSON.stringify(value)
    else if (field.kind === 'number') draft[field.key] = String(Number(value) / (field.scale ?? 1))
    else draft[field.key] = String(value)
  }
  return draft
}

/** The fields whose draft differs from the saved settings, converted back to the schema's units. */
function toPatch(draft: Draft, saved: Settings): SettingsPatch {
  const patch: Record<string, unknown> = {}
  for (const field of ALL_FIELDS) {
    const raw = draft[field.key]
    let value: unknown = raw
    if (field.kind === 'schedule') {
      if (raw !== JSON.stringify(saved[field.key])) patch[field.key] = JSON.parse(String(raw)) as unknown
      continue
    }
    if (field.kind === 'number') {
      const text = String(raw).trim()
      value = text === '' ? Number.NaN : Number(text) * (field.scale ?? 1)
    }
    if (value !== saved[field.key]) patch[field.key] = value
  }
  return patch as SettingsPatch
}

function FieldControl({
  field,
  value,
  error,
  onChange,
}: {
  field: SettingsField
  value: string | boolean | undefined
  error: string | undefined
  onChange(value: string | boolean): void
}) {
  const { t } = useTranslation('settings')
  const controlId = useId()
  const hintId = useId()
  const errorId = useId()
  const hint = hasHint(field.key) ? t(`hints.${field.key}`) : null
  const label = t(`labels.${field.key}`)
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined
  const common = { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy } as const
  const messages = (
    <>
      {hint ? (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="field__error">
          {error}
        </span>
      ) : null}
    </>
  )
  if (field.kind === 'schedule') {
    return (
      <>
        <ScheduleEditor
          slots={SpeedSchedule.parse(JSON.parse(String(value ?? '[]')))}
          onChange={(slots) => onChange(JSON.stringify(slots))}
        />
        {messages}
      </>
    )
  }
  if (field.kind === 'boolean') {
    return (
      <div className="field">
        <label className="check">
          <input
            type="checkbox"
            checked={value === true}
            onChange={(event) => onChange(event.target.checked)}
            {...common}
          />
          {label}
        </label>
        {messages}
      </div>
    )
  }
  return (
    <div className="field">
      <label className="field__label" htmlFor={controlId}>
        {label}
      </label>
      {field.kind === 'choice' ? (
        <select
          id={controlId}
          className="input"
          value={String(value)}
          onChange={(event) => onChange(event.target.value)}
          {...common}
        >
          {field.options.map((option) => (
            <option key={option.value} value={option.value}>
              {t(option.label)}
            </option>
          ))}
        </select>
      ) : field.kind === 'text' && field.folder ? (
        <div className="settings__folder">
          <input
            id={controlId}
            className="input input--mono"
            type="text"
            spellCheck={false}
            value={String(value ?? '')}
            onChange={(event) => onChange(event.target.value)}
            {...common}
          />
          {transportKind() === 'electron' ? <FolderButton onPicked={onChange} /> : null}
        </div>
      ) : (
        <input
          id={controlId}
          className="input"
          type={field.kind === 'number' ? 'number' : 'text'}
          inputMode={field.kind === 'number' ? 'numeric' : undefined}
          value={String(value ?? '')}
          onChange={(event) => onChange(event.target.value)}
          {...common}
        />
      )}
      {messages}
    </div>
  )
}

/**
 * Opens the native folder picker; the folder chosen there is one main lets the app save into (a
 * folder typed by hand is accepted only inside the current download folder).
 */
function FolderButton({ onPicked }: { onPicked(path: string): void }) {
  const { t } = useTranslation('settings')
  const [picking, setPicking] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const choose = async () => {
    setPicking(true)
    setProblem(null)
    try {
      const { path } = await call('dialog:pickFolder', { title: t('chooseTitle') })
      if (path !== null) onPicked(path)
    } catch (error) {
      setProblem(describeError(error))
    } finally {
      setPicking(false)
    }
  }
  return (
    <>
      <button
        type="button"
        className="button"
        aria-label={t('chooseLabel')}
        disabled={picking}
        onClick={() => void choose()}
      >
        {t('choose')}
      </button>
      {problem ? (
        <span className="field__error" role="alert">
          {problem}
        </span>
      ) : null}
    </>
  )
}

/** Every setting of the schema; saving sends only what changed and shows the validation messages. */
export function SettingsView() {
  const { t } = useTranslation('settings')
  const { status } = useStores()
  const [saved, setSaved] = useState<Settings | null>(null)
  const [draft, setDraft] = useState<Draft>({})
  const [errors, setErrors] = useState<Errors>({})
  const [notice, setNotice] = useState<'saved' | 'unchanged' | null>(null)
  const [busy, setBusy] = useState(false)
  const [loadError, setLoadError] = useState<string | null>(null)

  const problemText = (problem: FieldProblem): string => {
    switch (problem.kind) {
      case 'wholeNumber':
        return t('validation.wholeNumber')
      case 'range':
        return t('validation.range', { min: problem.min, max: problem.max })
      case 'tooLong':
        return t('validation.tooLong', { max: problem.max })
    }
  }

  useEffect(() => {
    let live = true
    call('settings:get', {})
      .then((settings) => {
        if (!live) return
        setSaved(settings)
        setDraft(toDraft(settings))
      })
      .catch((error: unknown) => live && setLoadError(describeError(error)))
    return () => {
      live = false
    }
  }, [])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!saved) return
    setNotice(null)
    const found: Errors = {}
    for (const field of ALL_FIELDS) {
      const problem = fieldProblem(field, draft[field.key])
      if (problem) found[field.key] = problemText(problem)
    }
    setErrors(found)
    if (Object.keys(found).length > 0) return
    const patch = toPatch(draft, saved)
    if (Object.keys(patch).length === 0) {
      setNotice('unchanged')
      return
    }
    setBusy(true)
    try {
      const next = await call('settings:update', patch)
      status.setState({ settings: next })
      setSaved(next)
      setDraft(toDraft(next))
      setNotice('saved')
    } catch (error) {
      if (
        error instanceof IpcCallError &&
        (error.code === 'INVALID_INPUT' || error.code === 'INVALID_SETTINGS')
      ) {
        const byField = fieldErrors(
          error.message,
          ALL_FIELDS.map((field) => field.key),
        )
        const shown: Errors = {}
        for (const [key, detail] of Object.entries(byField)) {
          shown[key] = key === '' ? detail : t('validation.rejected', { detail })
        }
        setErrors(shown)
      } else {
        setErrors({ '': describeError(error) })
      }
    } finally {
      setBusy(false)
    }
  }

  const general = errors[''] ?? (loadError === null ? undefined : t('loadFailed', { message: loadError }))
  const invalidCount = Object.keys(errors).filter((key) => key !== '').length
  const desktop = transportKind() === 'electron'
  return (
    <section className="view" aria-labelledby="view-title">
      <header className="view__header">
        <h1 id="view-title">{t('title')}</h1>
      </header>
      {!saved && !general ? <p className="empty">{t('loading')}</p> : null}
      {general || invalidCount > 0 ? (
        <p className="message message--error" role="alert">
          {general ?? t('validation.summary', { count: invalidCount })}
        </p>
      ) : null}
      {saved ? (
        <form className="settings" aria-label={t('form')} onSubmit={(event) => void submit(event)} noValidate>
          {SETTINGS_GROUPS.map((group) => (
            <fieldset key={group.id} className="settings__group">
              <legend>{t(`groups.${group.id}`)}</legend>
              {group.fields
                .filter((field) => desktop || !('desktopOnly' in field && field.desktopOnly))
                .map((field) => (
                  <FieldControl
                    key={field.key}
                    field={field}
                    value={draft[field.key]}
                    error={errors[field.key]}
                    onChange={(value) => setDraft((current) => ({ ...current, [field.key]: value }))}
                  />
                ))}
            </fieldset>
          ))}
          <div className="settings__actions">
            {notice ? (
              <span className="settings__notice" role="status">
                {t(notice)}
              </span>
            ) : null}
            <button
              type="button"
              className="button"
              onClick={() => (setDraft(toDraft(saved)), setErrors({}))}
            >
              {t('revert')}
            </button>
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('save')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  )
}
