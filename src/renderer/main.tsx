import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { ipcClient } from './lib/ipc'
import { createAppStores } from './stores/app-stores'
import { connectStores } from './stores/connect-stores'
import { StoresProvider } from './stores/stores-context'
import './styles/app.css'

const stores = createAppStores()
const disconnect = connectStores(ipcClient(), stores)
window.addEventListener('pagehide', disconnect, { once: true })

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <StoresProvider stores={stores}>
      <App />
    </StoresProvider>
  </StrictMode>,
)
