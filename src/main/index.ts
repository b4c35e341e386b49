import { app, dialog } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { pickLanguage } from '../shared/i18n/pick-language'
import type { LanguageSetting } from '../shared/model/settings'
import { createDispatch } from './core/ipc/dispatch'
import { AppError } from './core/lib/app-error'
import { bridgeHandlers } from './core/worker/bridge-handlers'
import { coreWorkerFileBeside } from './core/worker/core-worker-file'
import { startDesktopCore } from './core/worker/desktop-core'
import { hideOnClose } from './app/close-to-tray'
import { DesktopLanguage } from './app/desktop-language'
import { desktopText } from './app/desktop-text'
import { electronDialogs } from './app/dialogs'
import { electronFileOpener } from './app/file-opener'
import { startDesktopShell } from './app/desktop-shell'
import { forwardEvents } from './app/ipc/forward-events'
import { registerInvoke } from './app/ipc/register-invoke'
import { parseLaunchArgs } from './app/launch-args'
import { createAppLog } from './app/logging'
import { MainWindow } from './app/main-window'
import type { AppOrigin } from './app/navigation-policy'
import { resolveAppPaths } from './app/paths'
import { installQuitGuard } from './app/quit-guard'
import { resolveResourcesDir } from './app/resources-dir'
import { createElectronSecrets } from './app/secrets'
import { createElectronSettingsPort } from './app/settings-store'
import { claimSingleInstance } from './app/single-instance'
import { exposeTestHooks } from './app/test-hooks'
import { createMainWindow } from './app/windows'

// Composition root: single instance → log → paths → stores → core (in its worker thread) → IPC →
// window → tray, menu, notifications (the desktop shell) → the quit guard.

const here = import.meta.dirname
const origin: AppOrigin = {
  devServerUrl:
    !app.isPackaged && process.env['ELECTRON_RENDERER_URL'] ? process.env['ELECTRON_RENDERER_URL'] : null,
  indexFileUrl: pathToFileURL(join(here, '../renderer/index.html')).href,
}

async function main(): Promise<void> {
  // Links that arrive before the core is up (a second launch during start-up) wait here.
  const pendingLinks: string[] = []
  let addLinks: (text: string) => void = (text) => pendingLinks.push(text)
  const onLaunch = (argv: readonly string[]) => {
    const { linksText } = parseLaunchArgs(argv)
    if (linksText) addLinks(linksText)
    else mainWindow?.show()
  }
  let mainWindow: MainWindow | null = null
  if (!claimSingleInstance(onLaunch)) {
    app.quit()
    return
  }

  await app.whenReady()
  const launch = parseLaunchArgs(process.argv)
  const paths = resolveAppPaths()
  const log = createAppLog(paths.logsDir, { console: !app.isPackaged })
  const resourcesDir = resolveResourcesDir(here)
  // The tray, menus, dialogs and notifications speak the window's language (read once the settings are).
  let languageSetting: () => LanguageSetting = () => 'system'
  const language = new DesktopLanguage(
    () => languageSetting(),
    () => app.getPreferredSystemLanguages(),
  )
  // The core runs in a worker thread, so downloads never hold up this one (windows, tray, menus);
  // the stores, dialogs and file opener stay here.
  const core = await startDesktopCore({
    entry: coreWorkerFileBeside(import.meta.url),
    core: {
      dataDir: paths.dataDir,
      defaultDownloadsDir: paths.downloadsDir,
      app: { version: app.getVersion(), platform: process.platform },
      ...(launch.apiUrl === null ? {} : { apiUrl: { value: launch.apiUrl, source: '--api-url' } }),
    },
    secrets: createElectronSecrets(),
    settingsPort: createElectronSettingsPort(),
    dialogs: electronDialogs(
      () => mainWindow?.current ?? null,
      () => language.current.t,
    ),
    fileOpener: electronFileOpener,
    log: (message) => log.info(message),
    validateOutputs: !app.isPackaged,
    // Within the quit guard's deadline: a core that does not stop in time has its thread ended.
    closeTimeoutMs: 5_000,
  })
  languageSetting = () => core.settings.get().language
  log.redact(() => [core.apiKey()])
  log.info(
    `Fichier Desk ${app.getVersion()} started (${process.platform}, Electron ${process.versions.electron})`,
  )

  // Every call from a window is checked here against the contract before it goes to the core.
  const dispatch = createDispatch(bridgeHandlers(core.bridge), {
    validateOutputs: !app.isPackaged,
    onInternalError: (channel, error) => log.error(`[ipc] ${channel} failed`, error),
  })
  const forwarder = forwardEvents(core.events, {
    validate: !app.isPackaged,
    onInvalid: (message) => log.error(message),
  })
  const unregister = registerInvoke({
    dispatch,
    origin,
    onReady: (contents) => forwarder.add(contents),
    log: (message) => log.warn(message),
  })

  const window = new MainWindow(
    () => {
      const created = createMainWindow({
        preloadPath: join(here, '../preload/index.cjs'),
        origin,
        iconPath: join(resourcesDir, 'icon.png'),
        show: !(
          core.settings.get().startMinimized ||
          launch.hidden ||
          (process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAsHidden)
        ),
      })
      created.on('session-end', () => guard.endSession())
      hideOnClose(created, {
        closeToTray: () => core.settings.get().closeToTray,
        quitting: () => guard.quitting,
      })
      return created
    },
    () => shell.refresh(),
  )
  mainWindow = window
  const shell = startDesktopShell({
    core,
    window,
    log,
    resourcesDir,
    dev: !app.isPackaged,
    language,
    quit: (reason) => guard.quit(reason),
  })
  const guard = installQuitGuard({
    counts: () => shell.watch.summary.counts,
    window,
    onError: (error) => log.error('shutdown failed', error),
    text: () => language.current.t,
    shutdown: async () => {
      log.info('quitting: stopping transfers')
      shell.dispose()
      unregister()
      forwarder.dispose()
      await core.close()
    },
  })
  exposeTestHooks(process.env, { tray: shell.tray, window })
  // Without its core the app can do nothing: a core that dies is said, then the app ends.
  void core.failed.then(() => {
    log.error('the engine stopped on its own: quitting')
    const { t } = language.current
    dialog.showErrorBox(t('dialogs.engineStopped'), t('dialogs.engineStoppedBody'))
    app.exit(1)
  })

  window.ensure()
  addLinks = (text) => shell.commands.addLaunchLinks(text)
  for (const text of [launch.linksText, ...pendingLinks.splice(0)]) if (text) addLinks(text)
  app.on('activate', (_event, hasVisibleWindows) => {
    if (!hasVisibleWindows) window.show()
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
  // A start-up setting the user can fix (an unsafe API address) is said in a dialog, not only on stderr.
  if (error instanceof AppError) {
    const t = desktopText(pickLanguage('system', app.getPreferredSystemLanguages()))
    dialog.showErrorBox(t('dialogs.cannotStart'), error.message)
  }
  app.exit(1)
})
