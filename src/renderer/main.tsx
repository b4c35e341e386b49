import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { App } from './app/app'
import { createI18n } from './i18n/create-i18n'
import { pickLanguage } from '../shared/i18n/pick-language'
import { toastFinishedTransfers } from './app/toasts/finish-toasts'
import { dismissToast, showToast } from './app/toasts/toast-center'
import { ipcClient, onConnection, transportKind } from './lib/ipc'
import { createAppStores } from './stores/app-stores'
import { connectStores } from './stores/connect-stores'
import { StoresProvider } from './stores/stores-context'
import './styles/app.css'

// The system's language until the settings arrive; `useLanguage` then follows the setting.
const i18n = createI18n(pickLanguage('system', navigator.languages))
const stores = createAppStores()
let disconnect = connectStores(ipcClient(), stores)
// In a browser the server can go away and come back: the stores then start over from fresh snapshots.
let lostToast: string | null = null
onConnection((state) => {
  if (state === 'lost' && lostToast === null) {
    lostToast = showToast({ kind: 'error', message: i18n.t('shell:status.connection.lost') })
  } else if (state === 'open' && lostToast !== null) {
    dismissToast(lostToast)
    lostToast = null
    showToast({ kind: 'ok', message: i18n.t('shell:status.connection.back') })
    disconnect()
    disconnect = connectStores(ipcClient(), stores)
  }
})
// Desktop notifications are the app's; a page in a browser tells finished transfers in toasts.
if (transportKind() === 'web') toastFinishedTransfers(stores, i18n.getFixedT(null, 'desktop'))
window.addEventListener('pagehide', () => disconnect(), { once: true })

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <StoresProvider stores={stores}>
        <App />
      </StoresProvider>
    </I18nextProvider>
  </StrictMode>,
)
