import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { transportKind } from '../lib/ipc'

/** Whether the server that served this page asks for a password (so there is a session to end). */
async function passwordRequired(): Promise<boolean> {
  const answer = await fetch('/session', { cache: 'no-store' })
  if (!answer.ok) return false
  const body = (await answer.json()) as { passwordRequired?: unknown }
  return body.passwordRequired === true
}

/** In a browser, against a server with a password: ends the session and goes back to the login page. */
export function LogoutButton() {
  const { t } = useTranslation('shell')
  const [shown, setShown] = useState(false)
  useEffect(() => {
    if (transportKind() !== 'web') return
    let live = true
    passwordRequired().then(
      (required) => live && setShown(required),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [])
  if (!shown) return null
  const logout = async () => {
    await fetch('/logout', { method: 'POST' }).catch(() => undefined)
    window.location.assign('/login')
  }
  return (
    <button type="button" className="sidebar__item sidebar__logout" onClick={() => void logout()}>
      <span>{t('logout')}</span>
    </button>
  )
}
