import { useEffect, useState, type FormEvent } from 'react'
import type { AccountState } from '../../../shared/model/account'
import { describeError } from '../../lib/describe-error'
import { call } from '../../lib/ipc'
import { useStatus, useStores } from '../../stores/stores-context'
import { AccountHealth } from './account-health'

const STORAGE_TEXT = {
  encrypted: 'Your key is stored encrypted by the system keychain.',
  session: 'Your key is kept in memory for this session only; you will enter it again next time.',
  none: 'No key is stored.',
} as const

/** Enter, check and remove the API key; see what 1fichier says of the account. */
export function AccountView() {
  const state = useStatus((status) => status.account)
  const { status: statusStore } = useStores()
  const [key, setKey] = useState('')
  const [sessionOnly, setSessionOnly] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  useEffect(() => {
    // The store follows `account:changed`; this read covers a view opened before the first event.
    call('account:status', {})
      .then((account) => statusStore.setState({ account }))
      .catch((caught: unknown) => setError(describeError(caught)))
  }, [statusStore])

  const run = async (action: () => Promise<AccountState>, done: string) => {
    setBusy(true)
    setError(null)
    setNotice(null)
    try {
      statusStore.setState({ account: await action() })
      setNotice(done)
    } catch (caught) {
      setError(describeError(caught))
    } finally {
      setBusy(false)
    }
  }

  const encryptionAvailable = state?.encryptionAvailable ?? true
  const persist = !encryptionAvailable || sessionOnly ? 'session' : 'encrypted'
  const save = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => {
      const account = await call('account:setKey', { key: key.trim(), persist })
      setKey('')
      return account
    }, 'Key saved and checked.')
  }

  return (
    <section className="view" aria-labelledby="view-title">
      <header className="view__header">
        <h1 id="view-title">Account</h1>
      </header>
      <div className="cards">
        <form className="card" aria-labelledby="api-key-title" onSubmit={save}>
          <h2 id="api-key-title">Your API key</h2>
          <p className="field__hint">
            Fichier Desk talks to 1fichier with your API key (Premium or Access accounts). Find it on
            1fichier.com under Parameters → API.
          </p>
          {state ? (
            <p className="status-line" role="status" aria-label="Key status">
              <span className={`dot ${state.hasKey ? 'dot--ok' : 'dot--off'}`} aria-hidden="true" />
              {state.hasKey ? 'A key is set. ' : 'No API key yet. '}
              {state.hasKey ? STORAGE_TEXT[state.storage] : ''}
            </p>
          ) : null}
          {!encryptionAvailable ? (
            <p className="message message--warning" role="note">
              This system offers no encryption for secrets (no keyring). The key can only be kept for this
              session.
            </p>
          ) : null}
          <label className="field">
            <span className="field__label">API key</span>
            <input
              className="input input--mono"
              type="password"
              value={key}
              autoComplete="off"
              spellCheck={false}
              placeholder={state?.hasKey ? '•••••••• (enter a new key to replace it)' : '32 characters'}
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
              Keep it for this session only
            </label>
          ) : null}
          {error ? (
            <p className="message message--error" role="alert">
              {error}
            </p>
          ) : null}
          {notice ? (
            <p className="message message--ok" role="status">
              {notice}
            </p>
          ) : null}
          <div className="card__actions">
            {state?.hasKey ? (
              <button
                type="button"
                className="button button--danger"
                disabled={busy}
                onClick={() => void run(() => call('account:clearKey', {}), 'Key removed.')}
              >
                Remove key
              </button>
            ) : null}
            <button type="submit" className="button button--primary" disabled={busy || key.trim() === ''}>
              Save key
            </button>
          </div>
        </form>
        <section className="card" aria-labelledby="account-health-title">
          <h2 id="account-health-title">Account health</h2>
          {state ? <AccountHealth state={state} /> : <p className="field__hint">Loading…</p>}
        </section>
      </div>
    </section>
  )
}
