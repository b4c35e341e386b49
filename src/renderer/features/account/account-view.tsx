import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiKey, type AccountState } from '../../../shared/model/account'
import { account as en } from '../../../shared/i18n/locales/en/account'
import { describeError } from '../../lib/describe-error'
import { call, transportKind } from '../../lib/ipc'
import { IpcCallError } from '../../lib/ipc-call-error'
import { useStatus, useStores } from '../../stores/stores-context'
import { AccountHealth } from './account-health'
import { AccountRefresh } from './account-refresh'

type KnownCode = Exclude<keyof typeof en.errors, 'format' | 'other'>
const isKnownCode = (code: string): code is KnownCode =>
  code !== 'format' && code !== 'other' && Object.hasOwn(en.errors, code)

/** What went wrong, in the interface's language when the code is known. */
type Problem = { kind: 'format' } | { kind: 'error'; code: string; message: string }

/** Enter, check and remove the API key; see what 1fichier says of the account. */
export function AccountView() {
  const { t } = useTranslation('account')
  const state = useStatus((status) => status.account)
  const { status: statusStore } = useStores()
  const [key, setKey] = useState('')
  const [sessionOnly, setSessionOnly] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [notice, setNotice] = useState<'saved' | 'removed' | null>(null)

  useEffect(() => {
    // The store follows `account:changed`; this read covers a view opened before the first event.
    call('account:status', {})
      .then((account) => statusStore.setState({ account }))
      .catch((caught: unknown) =>
        setProblem({ kind: 'error', code: 'INTERNAL', message: describeError(caught) }),
      )
  }, [statusStore])

  const run = async (action: () => Promise<AccountState>, done: 'saved' | 'removed') => {
    setBusy(true)
    setProblem(null)
    setNotice(null)
    try {
      statusStore.setState({ account: await action() })
      setNotice(done)
    } catch (caught) {
      const code = caught instanceof IpcCallError ? caught.code : 'INTERNAL'
      setProblem({ kind: 'error', code, message: describeError(caught) })
    } finally {
      setBusy(false)
    }
  }

  // In a browser the key lives on the server that serves the page, which has no keychain.
  const onServer = transportKind() === 'web'
  const storageText = (storage: AccountState['storage']) =>
    onServer && storage !== 'none' ? t(`key.server.${storage}`) : t(`key.storage.${storage}`)
  const encryptionAvailable = state?.encryptionAvailable ?? true
  const persist = !encryptionAvailable || sessionOnly ? 'session' : 'encrypted'
  const save = (event: FormEvent) => {
    event.preventDefault()
    setNotice(null)
    const parsed = ApiKey.safeParse(key)
    if (!parsed.success) {
      setProblem({ kind: 'format' })
      return
    }
    void run(async () => {
      const account = await call('account:setKey', { key: parsed.data, persist })
      setKey('')
      return account
    }, 'saved')
  }

  const problemText =
    problem === null
      ? null
      : problem.kind === 'format'
        ? t('errors.format')
        : isKnownCode(problem.code)
          ? t(`errors.${problem.code}`)
          : t('errors.other', { message: problem.message })

  return (
    <section className="view" aria-labelledby="view-title">
      <header className="view__header">
        <h1 id="view-title">{t('title')}</h1>
      </header>
      <div className="cards">
        <form className="card" aria-labelledby="api-key-title" onSubmit={save}>
          <h2 id="api-key-title">{t('key.title')}</h2>
          <p className="field__hint">{t('key.intro')}</p>
          {onServer ? <p className="field__hint">{t('key.server.note')}</p> : null}
          {state ? (
            <p className="status-line" role="status" aria-label={t('key.statusLabel')}>
              <span className={`dot ${state.hasKey ? 'dot--ok' : 'dot--off'}`} aria-hidden="true" />
              {state.hasKey ? `${t('key.set')} ${storageText(state.storage)}` : t('key.none')}
            </p>
          ) : null}
          {!encryptionAvailable ? (
            <p className="message message--warning" role="note">
              {t('key.noEncryption')}
            </p>
          ) : null}
          <label className="field">
            <span className="field__label">{t('key.label')}</span>
            <input
              className="input input--mono"
              type="password"
              value={key}
              autoComplete="off"
              spellCheck={false}
              placeholder={state?.hasKey ? t('key.placeholderReplace') : t('key.placeholder')}
              aria-invalid={problem ? true : undefined}
              onChange={(event) => setKey(event.target.value)}
            />
          </label>
          {encryptionAvailable ? (
            <label className="check">
              <input
                type="checkbox"
                checked={sessionOnly}
                onChange={(event) => setSessionOnly(event.target.checked)}
              />
              {t('key.sessionOnly')}
            </label>
          ) : null}
          {problemText ? (
            <p className="message message--error" role="alert">
              {problemText}
            </p>
          ) : null}
          {notice ? (
            <p className="message message--ok" role="status">
              {t(`key.${notice}`)}
            </p>
          ) : null}
          <div className="card__actions">
            {state?.hasKey ? (
              <button
                type="button"
                className="button button--danger"
                disabled={busy}
                onClick={() => void run(() => call('account:clearKey', {}), 'removed')}
              >
                {t('key.remove')}
              </button>
            ) : null}
            <button type="submit" className="button button--primary" disabled={busy || key.trim() === ''}>
              {t('key.save')}
            </button>
          </div>
        </form>
        <section className="card" aria-labelledby="account-health-title">
          <h2 id="account-health-title">{t('health.title')}</h2>
          {state ? (
            <>
              <AccountHealth state={state} />
              <AccountRefresh state={state} />
            </>
          ) : (
            <p className="field__hint">{t('loading', { ns: 'common' })}</p>
          )}
        </section>
      </div>
    </section>
  )
}
