import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RemoteFolder } from '../../../shared/model/remote'
import { describeError } from '../../lib/describe-error'
import { call } from '../../lib/ipc'
import { copyText } from '../../lib/copy-text'
import { usePendingAction } from './use-pending-action'
import { RemoteDialog } from './remote-dialog'

/** Shares a folder publicly (optionally behind a password), then shows its link with a Copy button. */
export function ShareDialog({ folder, onClose }: { folder: RemoteFolder; onClose(): void }) {
  const { t } = useTranslation('remote')
  const passwordId = useId()
  const hintId = useId()
  const linkId = useId()
  const [password, setPassword] = useState('')
  const { busy, error, setError, run } = usePendingAction()
  const [url, setUrl] = useState<string | null>(null)
  const [copied, setCopied] = useState<string | null>(null)
  const linkRef = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (url) linkRef.current?.select()
  }, [url])

  const share = () => {
    if (busy) return
    if (url) {
      onClose()
      return
    }
    if (password !== '' && password.length < 6) {
      setError(t('share.passwordTooShort'))
      return
    }
    run(
      () => call('remote:share', { folderId: folder.id, ...(password ? { password } : {}) }),
      (answer) => setUrl(answer.url),
    )
  }

  const copy = (link: string) => {
    copyText(link).then(
      () => setCopied(t('notices.copied', { count: 1 })),
      (caught: unknown) => setCopied(t('notices.copyFailed', { message: describeError(caught) })),
    )
  }

  return (
    <RemoteDialog
      error={error}
      title={t('share.title', { name: folder.name })}
      onCancel={onClose}
      onSubmit={share}
      actions={
        url ? (
          <button type="submit" className="button button--primary">
            {t('close', { ns: 'common' })}
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={onClose}>
              {t('cancel', { ns: 'common' })}
            </button>
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('share.confirm')}
            </button>
          </>
        )
      }
    >
      <p className="remote-dialog__intro">{t('share.intro')}</p>
      {url ? (
        <div className="field">
          <label className="field__label" htmlFor={linkId}>
            {t('share.link')}
          </label>
          <div className="remote-copy">
            <input ref={linkRef} id={linkId} className="input input--mono" value={url} readOnly />
            <button type="button" className="button" onClick={() => copy(url)}>
              {t('share.copy')}
            </button>
          </div>
          {copied ? (
            <span className="field__hint" role="status">
              {copied}
            </span>
          ) : null}
        </div>
      ) : (
        <div className="field">
          <label className="field__label" htmlFor={passwordId}>
            {t('share.password')}
          </label>
          <input
            id={passwordId}
            className="input"
            type="password"
            value={password}
            autoComplete="new-password"
            data-autofocus
            aria-describedby={hintId}
            aria-invalid={error ? true : undefined}
            onChange={(event) => {
              setPassword(event.target.value)
              if (error) setError(null)
            }}
          />
          <span id={hintId} className="field__hint">
            {t('share.passwordHint')}
          </span>
        </div>
      )}
    </RemoteDialog>
  )
}
