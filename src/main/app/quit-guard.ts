import { app, powerMonitor } from 'electron'
import type { TransferStatus } from '../../shared/model/transfer'
import type { DesktopText } from './desktop-text'
import { askQuit } from './dialogs'
import type { MainWindow } from './main-window'
import { confirmsQuit, quitDecision, type QuitReason } from './quit-decision'
import { settleWithin } from '../core/lib/settle-within'

/** The longest a quit waits for the core to close (its engine gives running jobs 3 s of it). */
const QUIT_DEADLINE_MS = 6_000

export interface QuitGuard {
  /** Quits for `reason`: asks first when the user quits with transfers running. */
  quit(reason: QuitReason): void
  /** Windows is ending the session (a window's `session-end`): stop cleanly, ask nothing. */
  endSession(): void
  /** True once the app is really going (a window close must not be turned into hiding then). */
  readonly quitting: boolean
}

/**
 * Every way out (Quit in the menus, Cmd+Q, the last window closing, the queue emptying, the OS
 * ending the session) goes through `before-quit` (or, on Windows, `endSession`): the question when it applies, then `shutdown`
 * (which stops the transfers cleanly, so they resume on the next start), then exit.
 */
export function installQuitGuard(options: {
  counts: () => Readonly<Record<TransferStatus, number>>
  window: MainWindow
  shutdown: () => Promise<void>
  onError: (error: unknown) => void
  text: () => DesktopText
}): QuitGuard {
  let state: 'running' | 'asking' | 'closing' = 'running'
  let reason: QuitReason = 'user'

  const close = () => {
    state = 'closing'
    // The core bounds its own stop (running jobs get a few seconds); this bounds the rest, so a hung
    // shutdown never leaves the app running with no window.
    const shutdown = options.shutdown().catch(options.onError)
    void settleWithin(shutdown, QUIT_DEADLINE_MS).then((inTime) => {
      if (!inTime) options.onError(new Error(`shutdown did not finish within ${QUIT_DEADLINE_MS} ms`))
      app.exit(0)
    })
  }

  app.on('before-quit', (event) => {
    // We exit ourselves once the core is closed (app.exit emits no second before-quit).
    event.preventDefault()
    if (state !== 'running') return
    const decision = quitDecision(options.counts(), reason, options.text())
    reason = 'user'
    if (decision.action === 'quit') return close()
    state = 'asking'
    options.window.show()
    void askQuit(options.window.current, decision.prompt).then(
      (response) => (confirmsQuit(response) ? close() : (state = 'running')),
      (error: unknown) => {
        options.onError(error)
        state = 'running'
      },
    )
  })
  // The OS is ending the session: nobody would answer a question.
  powerMonitor.on('shutdown', () => {
    reason = 'system'
    app.quit()
  })

  return {
    endSession() {
      if (state !== 'closing') close()
    },
    quit(next) {
      reason = next
      app.quit()
    },
    get quitting() {
      return state === 'closing'
    },
  }
}
