import type { TransferStatus } from '../../shared/model/transfer'
import type { DesktopText } from './desktop-text'

/** Why the app is about to quit: the user asked, the queue emptied (setting), or the OS is ending the session. */
export type QuitReason = 'user' | 'queue-empty' | 'system'

export interface QuitPrompt {
  message: string
  detail: string
  buttons: [quit: string, stay: string]
  /** Index of the button Enter presses, and the one Escape or closing the box stands for. */
  defaultId: 1
  cancelId: 1
}

export type QuitDecision = { action: 'quit' } | { action: 'ask'; prompt: QuitPrompt }

/**
 * Quitting while transfers run or wait asks first, except when the OS ends the session (nobody
 * would answer) or the queue just emptied. Either way, running transfers are stopped cleanly and
 * resume on the next start.
 */
export function quitDecision(
  counts: Readonly<Record<TransferStatus, number>>,
  reason: QuitReason,
  t: DesktopText,
): QuitDecision {
  const moving = counts.active + counts.retrying
  const waiting = counts.queued
  if (reason !== 'user' || moving + waiting === 0) return { action: 'quit' }
  const message =
    moving > 0 && waiting > 0
      ? t('quit.runningAndWaiting', { count: moving, waiting })
      : moving > 0
        ? t('quit.running', { count: moving })
        : t('quit.waiting', { count: waiting })
  return {
    action: 'ask',
    prompt: {
      message,
      detail: t('quit.detail'),
      buttons: [t('quit.quit'), t('quit.stay')],
      defaultId: 1,
      cancelId: 1,
    },
  }
}

/** Whether the answer to the prompt (the index of the button) means quit. */
export function confirmsQuit(response: number): boolean {
  return response === 0
}
