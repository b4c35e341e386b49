import { useEffect, useId, useState, type FormEvent } from 'react'
import type { Settings, SettingsPatch } from '../../../shared/model/settings'
import { describeError } from '../../lib/describe-error'
import { call } from '../../lib/ipc'
import { IpcCallError } from '../../lib/ipc-call-error'
import { useStores } from '../../stores/stores-context'
import { fieldErrors } from './field-errors'
import { SETTINGS_GROUPS, type SettingsField } from './settings-fields'

type Draft = Record<string, string | boolean>

const ALL_FIELDS = SETTINGS_GROUPS.flatMap((group) => group.fields)

function toDraft(settings: Settings): Draft {
  const draft: Draft = {}
  for (const field of ALL_FIELDS) {
    const value = settings[field.key]
    if (field.kind === 'boolean') draft[field.key] = Boolean(value)
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
  const controlId = useId()
  const hintId = useId()
  const errorId = useId()
  const describedBy = [field.hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined
  const common = { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy } as const
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
          {field.label}
        </label>
        {error ? (
          <span id={errorId} className="field__error">
            {error}
          </span>
        ) : null}
      </div>
    )
  }
  return (
    <div className="field">
      <label className="field__label" htmlFor={controlId}>
        {field.label}
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
              {option.label}
            </option>
          ))}
        </select>
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
      {field.hint ? (
        <span id={hintId} className="field__hint">
          {field.hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="field__error">
          {error}
        </span>
      ) : null}
    </div>
  )
}

/** Every setting of the schema; saving sends only what changed and shows the app's validation messages. */
export function SettingsView() {
  const { status } = useStores()
  const [saved, setSaved] = useState<Settings | null>(null)
  const [draft, setDraft] = useState<Draft>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [notice, setNotice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let live = true
    call('settings:get', {})
      .then((settings) => {
        if (!live) return
        setSaved(settings)
        setDraft(toDraft(settings))
      })
      .catch(
        (error: unknown) => live && setErrors({ '': `Could not load the settings: ${describeError(error)}` }),
      )
    return () => {
      live = false
    }
  }, [])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!saved) return
    setNotice(null)
    setErrors({})
    const patch = toPatch(draft, saved)
    if (Object.keys(patch).length === 0) {
      setNotice('Nothing changed.')
      return
    }
    setBusy(true)
    try {
      const next = await call('settings:update', patch)
      status.setState({ settings: next })
      setSaved(next)
      setDraft(toDraft(next))
      setNotice('Settings saved.')
    } catch (error) {
      if (
        error instanceof IpcCallError &&
        (error.code === 'INVALID_INPUT' || error.code === 'INVALID_SETTINGS')
      ) {
        setErrors(
          fieldErrors(
            error.message,
            ALL_FIELDS.map((field) => field.key),
          ),
        )
      } else {
        setErrors({ '': describeError(error) })
      }
    } finally {
      setBusy(false)
    }
  }

  const general = errors['']
  const invalidCount = Object.keys(errors).filter((key) => key !== '').length
  return (
    <section className="view" aria-labelledby="view-title">
      <header className="view__header">
        <h1 id="view-title">Settings</h1>
      </header>
      {!saved && !general ? <p className="empty">Loading the settings…</p> : null}
      {general || invalidCount > 0 ? (
        <p className="message message--error" role="alert">
          {general ??
            `${invalidCount} setting${invalidCount === 1 ? ' is' : 's are'} not valid; see the messages below.`}
        </p>
      ) : null}
      {saved ? (
        <form className="settings" aria-label="Settings" onSubmit={(event) => void submit(event)} noValidate>
          {SETTINGS_GROUPS.map((group) => (
            <fieldset key={group.title} className="settings__group">
              <legend>{group.title}</legend>
              {group.fields.map((field) => (
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
                {notice}
              </span>
            ) : null}
            <button
              type="button"
              className="button"
              onClick={() => (setDraft(toDraft(saved)), setErrors({}))}
            >
              Revert
            </button>
            <button type="submit" className="button button--primary" disabled={busy}>
              Save
            </button>
          </div>
        </form>
      ) : null}
    </section>
  )
}
