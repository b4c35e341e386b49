import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { App } from './app/app'
import { createI18n } from './i18n/create-i18n'
import { pickLanguage } from '../shared/i18n/pick-language'
import { ipcClient } from './lib/ipc'
import { createAppStores } from './stores/app-stores'
import { connectStores } from './stores/connect-stores'
import { StoresProvider } from './stores/stores-context'
import './styles/app.css'

// The system's language until the settings arrive; `useLanguage` then follows the setting.
const i18n = createI18n(pickLanguage('system', navigator.languages))
const stores = createAppStores()
const disconnect = connectStores(ipcClient(), stores)
window.addEventListener('pagehide', disconnect, { once: true })

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
