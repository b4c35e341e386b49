import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { nameProblem } from './name-problem'
import { usePendingAction } from './use-pending-action'
import { RemoteDialog } from './remote-dialog'

interface NameDialogProps {
  title: string
  label: string
  confirm: string
  initialName: string
  /** Sends the name; a rejection is shown in the dialog, which stays open with what was typed. */
  onSubmit(name: string): Promise<void>
  onCancel(): void
}

/** Asks for a file or folder name (new folder, rename), checked with the contract's rule, then with 1fichier. */
export function NameDialog({ title, label, confirm, initialName, onSubmit, onCancel }: NameDialogProps) {
  const { t } = useTranslation('remote')
  const fieldId = useId()
  const errorId = useId()
  const [name, setName] = useState(initialName)
  const { busy, error, setError, run } = usePendingAction()

  const submit = () => {
    if (busy) return
    const problem = nameProblem(name)
    if (problem) {
      setError(t(`name.${problem}`))
      return
    }
    run(() => onSubmit(name.trim()))
  }

  return (
    <RemoteDialog
      title={title}
      onCancel={onCancel}
      onSubmit={submit}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            {t('cancel', { ns: 'common' })}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {confirm}
          </button>
        </>
      }
    >
      <div className="field">
        <label className="field__label" htmlFor={fieldId}>
          {label}
        </label>
        <input
          id={fieldId}
          className="input"
          value={name}
          autoComplete="off"
          spellCheck={false}
          data-autofocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => {
            setName(event.target.value)
            if (error) setError(null)
          }}
        />
        {error ? (
          <span id={errorId} className="field__error" role="alert">
            {error}
          </span>
        ) : null}
      </div>
    </RemoteDialog>
  )
}
