import { app, shell } from 'electron'
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { DesktopCore } from '../core/worker/desktop-core'
import { systemClock } from '../core/lib/clock'
import { createClipboardWatcher } from './clipboard-watcher'
import { createDesktopCommands, type DesktopCommands } from './desktop-commands'
import type { DesktopLanguage } from './desktop-language'
import { createKeepAwake } from './keep-awake'
import type { AppLog } from './logging'
import type { MainWindow } from './main-window'
import { installApplicationMenu } from './menu'
import { applicationMenuModel, type MenuCommand } from './menu-model'
import { NotificationBatcher } from './notification-batcher'
import { createNotifier } from './notifications'
import { QueueDrain } from './queue-drain'
import { runningCount, type QueueSummary } from './queue-summary'
import { applyStartAtLogin } from './start-at-login'
import { renderTaskbar } from './taskbar'
import { taskbarModel } from './taskbar-model'
import { TransferWatch } from './transfer-watch'
import { createAppTray, type AppTray } from './tray'
import { trayModel, type TrayAction } from './tray-model'
import type { Settings } from '../../shared/model/settings'

export interface DesktopShellOptions {
  core: DesktopCore
  window: MainWindow
  log: AppLog
  resourcesDir: string
  dev: boolean
  /** The language of the tray, menus, dialogs and notifications (the window's). */
  language: DesktopLanguage
  /** Quits the app (through the quit guard); `queue-empty` skips the question. */
  quit: (reason: 'user' | 'queue-empty') => void
}

export interface DesktopShell {
  commands: DesktopCommands
  watch: TransferWatch
  tray: AppTray
  /** Redraws what depends on the window being shown (the tray's Show/Hide). */
  refresh(): void
  dispose(): void
}

/**
 * Everything around the window: tray, application menu, notifications, taskbar progress and badge,
 * keep-awake, the "when the queue empties" action, clipboard watching and the login item. Each part
 * is drawn from a pure model of the queue (`TransferWatch`) and the settings.
 */
export function startDesktopShell({
  core,
  window,
  log,
  resourcesDir,
  dev,
  language,
  quit,
}: DesktopShellOptions): DesktopShell {
  const watch = new TransferWatch(
    { events: core.events, list: () => core.listTransfers() },
    { clock: systemClock, log: (message) => log.warn(message) },
  )
  const commands = createDesktopCommands({ core, window, log, watch, language })
  const settings = () => core.settings.get()

  const onTrayAction = (action: TrayAction) => {
    if (action === 'toggle-window') window.toggle()
    else if (action === 'add-from-clipboard') commands.openAddLinks()
    else if (action === 'pause-all') commands.pauseAll()
    else if (action === 'resume-all') commands.resumePaused()
    else quit('user')
  }
  const tray = createAppTray({
    iconDir: join(resourcesDir, 'tray'),
    platform: process.platform,
    onAction: onTrayAction,
    initial: trayModel(watch.summary, { windowVisible: window.visible }, language.current),
  })

  const onMenu = (command: MenuCommand) => {
    if (command === 'add-links') commands.openAddLinks()
    else if (command === 'upload-files') void commands.upload('files')
    else if (command === 'upload-folder') void commands.upload('folder')
    else if (command === 'about') app.showAboutPanel()
    else void shell.openPath(log.folder)
  }
  let menuLanguage = ''
  const drawMenu = () => {
    const locale = language.current
    if (locale.language === menuLanguage) return
    menuLanguage = locale.language
    installApplicationMenu(applicationMenuModel({ platform: process.platform, dev, locale }), onMenu)
  }
  drawMenu()

  const notifier = createNotifier({
    iconPath: join(resourcesDir, 'icon.png'),
    onClick: () => commands.showTransfers(),
  })
  const batcher = new NotificationBatcher({
    emit: (notification) => settings().notifications && notifier.show(notification),
    text: () => language.current.t,
    timers: {
      set: (callback, ms) => setTimeout(callback, ms),
      clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
    },
  })
  const keepAwake = createKeepAwake()
  const drain = new QueueDrain()
  const clipboardWatcher = createClipboardWatcher({
    known: () => watch.knownSources(),
    onOffer: commands.offerToAdd,
  })

  const draw = (summary: QueueSummary) => {
    tray.render(trayModel(summary, { windowVisible: window.visible }, language.current))
    renderTaskbar(window.current, taskbarModel(summary))
    keepAwake.update(settings().keepAwake && runningCount(summary) > 0)
  }
  const onDrained = () => {
    const action = settings().whenQueueEmpty
    log.info(`queue empty: ${action}`)
    if (action === 'notify') {
      batcher.flush()
      const { t } = language.current
      notifier.show({
        outcome: 'completed',
        title: t('notify.drained'),
        body: t('notify.drainedBody'),
        ids: [],
      })
    } else if (action === 'quit') {
      batcher.flush()
      quit('queue-empty')
    }
  }
  let lastLogin = ''
  const applySettings = (next: Settings) => {
    drawMenu()
    clipboardWatcher.setEnabled(next.clipboardWatch)
    // In development the executable is Electron itself: nothing to register.
    const login = `${next.startAtLogin}/${next.startMinimized}`
    if (app.isPackaged && login !== lastLogin) {
      lastLogin = login
      void applyStartAtLogin(next, {
        platform: process.platform,
        executable: process.env['APPIMAGE'] ?? process.execPath,
        configHome: process.env['XDG_CONFIG_HOME'] || join(homedir(), '.config'),
        setLoginItem: (item) => app.setLoginItemSettings(item),
      }).catch((error: unknown) => log.warn('could not update the start-at-login entry', error))
    }
    draw(watch.summary)
  }

  const unsubscribe = [
    watch.on('summary', (summary) => {
      draw(summary)
      if (drain.observe(summary)) onDrained()
    }),
    watch.on('finished', (items) => batcher.add(items)),
    core.settings.on('changed', applySettings),
  ]
  applySettings(settings())
  drain.observe(watch.summary)

  return {
    commands,
    watch,
    tray,
    refresh: () => draw(watch.summary),
    dispose() {
      for (const stop of unsubscribe.splice(0)) stop()
      watch.dispose()
      batcher.dispose()
      notifier.dispose()
      keepAwake.dispose()
      clipboardWatcher.dispose()
      tray.destroy()
    },
  }
}
