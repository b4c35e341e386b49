import type { TFunction } from 'i18next'
import type { TransferView } from '../../../shared/model/transfer'
import { showToast } from '../../app/toasts/toast-center'
import { describeError } from '../../lib/describe-error'
import { call } from '../../lib/ipc'
import { IpcCallError } from '../../lib/ipc-call-error'
import type { LocalFileAction } from './local-file-action'

/** The failures of `transfers:open` that the interface explains in its own words. */
const KNOWN = ['FILE_MISSING', 'NOT_FINISHED', 'NOT_FOUND', 'UNSUPPORTED'] as const
type KnownFailure = (typeof KNOWN)[number]
const isKnown = (code: string): code is KnownFailure => (KNOWN as readonly string[]).includes(code)

/**
 * Asks the app to open a transfer's file (or show it in its folder); a failure becomes an error
 * toast saying what happened and what to do (download again, wait for the end…).
 */
export async function openLocalFile(
  item: Pick<TransferView, 'id' | 'kind' | 'name' | 'status'>,
  action: LocalFileAction,
  t: TFunction<'transfers'>,
): Promise<boolean> {
  try {
    await call('transfers:open', { id: item.id, reveal: action === 'reveal' })
    return true
  } catch (error) {
    const code = error instanceof IpcCallError ? error.code : undefined
    // The user answered "Cancel" to the app's question before running a downloaded program.
    if (code === 'OPEN_DECLINED') return false
    const known = code !== undefined && isKnown(code) ? code : undefined
    const missing = item.kind === 'upload' ? 'upload' : item.status === 'completed' ? 'download' : 'folder'
    showToast({
      kind: 'error',
      action: t(`actions.${action}`),
      message: known ? t(`openFailure.${known}`, { name: item.name }) : describeError(error),
      ...(code ? { code } : {}),
      ...(known === 'FILE_MISSING' ? { advice: t(`openFailure.advice.${missing}`) } : {}),
      ...(known === 'NOT_FINISHED' ? { advice: t('openFailure.advice.wait') } : {}),
      ...(known === 'UNSUPPORTED' ? { advice: t('openFailure.advice.desktop') } : {}),
    })
    return false
  }
}
