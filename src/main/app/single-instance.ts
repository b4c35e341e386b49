import { app } from 'electron'

/**
 * Makes this process the only instance: answers false when another one already runs (this one
 * should exit; its command line has been handed over). Later launches call `onSecondLaunch` with
 * their command line, and macOS "open URL" requests with the URL.
 */
export function claimSingleInstance(onSecondLaunch: (argv: readonly string[]) => void): boolean {
  if (!app.requestSingleInstanceLock()) return false
  app.on('second-instance', (_event, argv) => onSecondLaunch(argv))
  app.on('open-url', (event, url) => {
    event.preventDefault()
    onSecondLaunch([url])
  })
  return true
}
