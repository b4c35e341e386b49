import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../lib/ipc'
import { usePendingAction } from '../remote/use-pending-action'

/** Asks for the password of a protected link whose download failed on it, then tries it again. */
export function PasswordDialog({ id, name, onClose }: { id: string; name: string; onClose(): void }) {
  const { t } = useTranslation('transfers')
  const dialogRef = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const inputId = useId()
  const [password, setPassword] = useState('')
  const { busy, error, run } = usePendingAction()
  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])
  return (
    <dialog ref={dialogRef} className="dialog dialog--narrow" aria-labelledby={titleId} onClose={onClose}>
      <form
        className="dialog__body"
        onSubmit={(event) => {
          event.preventDefault()
          if (password === '') return
          run(() => call('transfers:setPassword', { ids: [id], password }), onClose)
        }}
      >
        <h2 id={titleId}>{t('password.title', { name })}</h2>
        <div className="field">
          <label className="field__label" htmlFor={inputId}>
            {t('password.label')}
          </label>
          <input
            id={inputId}
            className="input"
            type="password"
            autoComplete="off"
            autoFocus
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        {error ? (
          <p className="message message--error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('cancel', { ns: 'common' })}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || password === ''}>
            {t('password.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
