import { clipboard } from 'electron'
import type { InvokeChannel, InvokeInput, InvokeOutput } from '../../shared/contract'
import type { DesktopCore } from '../core/worker/desktop-core'
import type { DesktopLanguage } from './desktop-language'
import type { AppLog } from './logging'
import { clipboardOffer, type ClipboardOffer } from './clipboard-offer'
import { chooseUploadPaths, confirmAddLinks, showError } from './dialogs'
import type { MainWindow } from './main-window'
import type { TransferWatch } from './transfer-watch'

/** Uploads chosen from the menu go to the root of the 1fichier account. */
const ROOT_FOLDER = 0

/**
 * What the tray, the menu, the command line and the clipboard watcher do, all through the contract
 * the window uses (same validation, defaults and error envelopes). Failures (no API key, a full
 * queue…) are shown in a dialog.
 */
export function createDesktopCommands({
  core,
  window,
  log,
  watch,
  language,
}: {
  core: Pick<DesktopCore, 'bridge' | 'requestWindow'>
  window: MainWindow
  log: AppLog
  watch: TransferWatch
  language: DesktopLanguage
}) {
  const t = () => language.current.t
  const { bridge } = core
  const call = async <C extends InvokeChannel>(
    channel: C,
    input: InvokeInput<C>,
  ): Promise<InvokeOutput<C>> => {
    const result = await bridge.invoke(channel, input)
    if (!result.ok) throw new Error(result.error.message)
    return result.value
  }
  const failed = (what: 'addLinks' | 'upload' | 'pause' | 'resume') => (error: unknown) => {
    log.warn(`${what} failed`, error)
    const message = error instanceof Error ? error.message : String(error)
    void showError(window.current, t()(`dialogs.failed.${what}`), message, t())
  }

  const addText = async (text: string, origin: string): Promise<void> => {
    const result = await call('transfers:add', { kind: 'download', text })
    log.info(
      `${origin}: ${result.addedIds.length} added, ${result.duplicates.length} duplicate(s), ${result.rejected.length} rejected`,
    )
  }

  const offerToAdd = async (offer: ClipboardOffer): Promise<void> => {
    if (await confirmAddLinks(window.visible ? window.current : null, offer.count, offer.text, t())) {
      await addText(offer.text, 'clipboard').catch(failed('addLinks'))
    }
  }

  return {
    /** Links given on a command line (ours or a second launch's): the user asked for them, no prompt. */
    addLaunchLinks(text: string): void {
      window.show()
      void addText(text, 'command line').catch(failed('addLinks'))
    },
    offerToAdd,
    /**
     * Tray and menu "Add links": the window's Add dialog, filled with the clipboard's links for the
     * user to review, or empty when the clipboard holds none. A window still loading gets the
     * request once it is ready.
     */
    openAddLinks(): void {
      const offer = clipboardOffer(clipboard.readText(), null, watch.knownSources())
      window.show()
      core.requestWindow({ kind: 'addLinks', text: offer?.text ?? '' })
    },
    /** A notification was clicked: the window, on the transfers. */
    showTransfers(): void {
      window.show()
      core.requestWindow({ kind: 'showTransfers' })
    },
    async upload(what: 'files' | 'folder'): Promise<void> {
      const paths = await chooseUploadPaths(window.current, what, t())
      if (paths.length === 0) return
      await call('transfers:add', { kind: 'upload', paths, folderId: ROOT_FOLDER }).catch(failed('upload'))
    },
    pauseAll(): void {
      void call('transfers:pause', { all: true }).catch(failed('pause'))
    },
    resumePaused(): void {
      const ids = watch.idsWith('paused')
      if (ids.length > 0) void call('transfers:resume', { ids }).catch(failed('resume'))
    },
  }
}

export type DesktopCommands = ReturnType<typeof createDesktopCommands>
