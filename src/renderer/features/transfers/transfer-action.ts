import { z } from 'zod'
import type { TransferStatus } from '../../../shared/model/transfer'

/** What a row's buttons do; `retry` is a resume of a failed transfer. */
export const TransferAction = z.enum(['pause', 'resume', 'retry', 'cancel', 'remove'])
export type TransferAction = z.infer<typeof TransferAction>

/** The actions a row offers in each status. */
export function actionsFor(status: TransferStatus): TransferAction[] {
  switch (status) {
    case 'queued':
    case 'active':
    case 'retrying':
      return ['pause', 'cancel']
    case 'paused':
      return ['resume', 'cancel']
    case 'failed':
    case 'canceled':
      return ['retry', 'remove']
    case 'completed':
      return ['remove']
  }
}

/** The statuses an action changes, as the engine applies it. */
export const ACTION_APPLIES_TO: Record<TransferAction, readonly TransferStatus[]> = {
  pause: ['queued', 'active', 'retrying'],
  resume: ['paused'],
  retry: ['failed', 'canceled'],
  cancel: ['queued', 'active', 'retrying', 'paused'],
  remove: ['queued', 'active', 'retrying', 'paused', 'completed', 'failed', 'canceled'],
}

/** The statuses whose removal stops work in progress (and asks for a confirmation first). */
export const IN_PROGRESS: readonly TransferStatus[] = ['active', 'retrying']
