import { ipcMain, type WebContents } from 'electron'
import { INVOKE_CHANNELS, type IpcResult } from '../../../shared/contract'
import type { Dispatch } from '../../core/ipc/dispatch'
import type { AppOrigin } from '../navigation-policy'
import { refusedSenderLog } from './refused-senders'
import { isTrustedSender } from './sender-policy'

export interface RegisterInvokeOptions {
  dispatch: Dispatch
  origin: AppOrigin
  /** Called once a page said `app:ready`, so events are pushed only to pages that listen. */
  onReady: (contents: WebContents) => void
  /** Told of calls from frames that may not call the contract (once per origin). */
  log: (message: string) => void
}

/** One `ipcMain.handle` per command of the contract; returns a function that removes them all. */
export function registerInvoke({ dispatch, origin, onReady, log }: RegisterInvokeOptions): () => void {
  const refused = refusedSenderLog(log)
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown): Promise<IpcResult<unknown>> => {
      if (!isTrustedSender(event.senderFrame, origin)) {
        const frame = event.senderFrame
        refused(frame?.url, channel, frame && frame.parent !== null ? 'a sub-frame' : 'not our page')
        return {
          ok: false,
          error: { code: 'FORBIDDEN_SENDER', message: 'This page may not call Fichier Desk.' },
        }
      }
      const result = await dispatch(channel, input)
      if (channel === 'app:ready' && result.ok) onReady(event.sender)
      return result
    })
  }
  return () => {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel)
  }
}
