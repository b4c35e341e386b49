import type { TransferStatus } from '../../shared/model/transfer'

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
): QuitDecision {
  const moving = counts.active + counts.retrying
  const waiting = counts.queued
  if (reason !== 'user' || moving + waiting === 0) return { action: 'quit' }
  const are = (n: number) => `${n} transfer${n === 1 ? ' is' : 's are'}`
  const state =
    moving > 0 && waiting > 0
      ? `${are(moving)} running and ${waiting} waiting`
      : moving > 0
        ? `${are(moving)} running`
        : `${are(waiting)} waiting`
  return {
    action: 'ask',
    prompt: {
      message: `Quit Fichier Desk? ${state}.`,
      detail: 'They stop now and continue where they left off the next time Fichier Desk starts.',
      buttons: ['Quit', 'Keep running'],
      defaultId: 1,
      cancelId: 1,
    },
  }
}

/** Whether the answer to the prompt (the index of the button) means quit. */
export function confirmsQuit(response: number): boolean {
  return response === 0
}
