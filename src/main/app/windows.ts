import { BrowserWindow, shell } from 'electron'
import { withContentSecurityPolicy } from './content-security-policy'
import { externalOpenDecision, isAppUrl, type AppOrigin } from './navigation-policy'
import { allowPermission } from './permission-policy'
import { secureWebPreferences } from './web-preferences'

export interface MainWindowOptions {
  preloadPath: string
  origin: AppOrigin
  iconPath?: string
  show: boolean
}

/**
 * The one window: isolated, sandboxed, no Node; it may not navigate away, open windows, use any
 * permission but writing to the clipboard, or embed webviews. https links open in the user's browser.
 */
export function createMainWindow({ preloadPath, origin, iconPath, show }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1180,
    height: 760,
    minWidth: 760,
    minHeight: 480,
    show: false,
    title: 'Fichier Desk',
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: secureWebPreferences(preloadPath),
  })

  const contents = window.webContents
  contents.setWindowOpenHandler(({ url }) => {
    if (externalOpenDecision(url) === 'open-external') void shell.openExternal(url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, origin)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, origin)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.session.setPermissionRequestHandler((requester, permission, callback) =>
    callback(allowPermission(permission, requester.getURL(), origin)),
  )
  // The CSP as a response header too, so that frame-ancestors holds (a <meta> policy cannot state it).
  contents.session.webRequest.onHeadersReceived((details, callback) => {
    const headers = withContentSecurityPolicy(details.url, details.responseHeaders, origin)
    callback(headers ? { responseHeaders: headers } : {})
  })
  contents.session.setPermissionCheckHandler((checker, permission, _origin, details) =>
    allowPermission(permission, details.requestingUrl ?? checker?.getURL() ?? '', origin),
  )

  if (show) window.once('ready-to-show', () => window.show())
  if (origin.devServerUrl) void window.loadURL(origin.devServerUrl)
  else void window.loadURL(origin.indexFileUrl)
  return window
}
