import { app, BrowserWindow } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createCore } from './core/create-core'
import { createDispatch } from './core/ipc/dispatch'
import { forwardEvents } from './app/ipc/forward-events'
import { registerInvoke } from './app/ipc/register-invoke'
import type { AppOrigin } from './app/navigation-policy'
import { resolveAppPaths } from './app/paths'
import { createElectronSecrets } from './app/secrets'
import { createElectronSettingsPort } from './app/settings-store'
import { createMainWindow } from './app/windows'

// Composition root: paths → stores → core (client, engine, service) → IPC → window.

const here = import.meta.dirname
const origin: AppOrigin = {
  devServerUrl: !app.isPackaged && process.env['ELECTRON_RENDERER_URL'] ? process.env['ELECTRON_RENDERER_URL'] : null,
  indexFileUrl: pathToFileURL(join(here, '../renderer/index.html')).href,
}

async function main(): Promise<void> {
  await app.whenReady()
  const paths = resolveAppPaths()
  const core = await createCore({
    dataDir: paths.dataDir,
    defaultDownloadsDir: paths.downloadsDir,
    secrets: createElectronSecrets(),
    settingsPort: createElectronSettingsPort(),
    app: { version: app.getVersion(), platform: process.platform },
    env: process.env,
    log: (message) => console.error(message),
  })
  const dispatch = createDispatch(core.service.handlers, {
    validateOutputs: !app.isPackaged,
    onInternalError: (channel, error) => console.error(`[ipc] ${channel} failed`, error),
  })
  const forwarder = forwardEvents(core.service.events)
  const unregister = registerInvoke({ dispatch, origin, onReady: (contents) => forwarder.add(contents) })

  const openWindow = () =>
    createMainWindow({ preloadPath: join(here, '../preload/index.cjs'), origin, show: !core.settings.get().startMinimized })
  openWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow()
  })

  let closing = false
  app.on('before-quit', (event) => {
    if (closing) return
    closing = true
    event.preventDefault()
    unregister()
    forwarder.dispose()
    void core.close().finally(() => app.exit(0))
  })
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault())
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

main().catch((error: unknown) => {
  console.error('Fichier Desk failed to start', error)
  app.exit(1)
})
