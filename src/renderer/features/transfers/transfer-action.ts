import { z } from 'zod'
import type { TransferStatus } from '../../../shared/model/transfer'

export const TransferAction = z.enum(['pause', 'resume', 'cancel', 'remove'])
export type TransferAction = z.infer<typeof TransferAction>

/** The actions a row offers in each status, with the label its button shows. */
export function actionsFor(status: TransferStatus): { action: TransferAction; label: string }[] {
  switch (status) {
    case 'queued':
    case 'active':
    case 'retrying':
      return [
        { action: 'pause', label: 'Pause' },
        { action: 'cancel', label: 'Cancel' },
      ]
    case 'paused':
      return [
        { action: 'resume', label: 'Resume' },
        { action: 'cancel', label: 'Cancel' },
      ]
    case 'failed':
      return [
        { action: 'resume', label: 'Retry' },
        { action: 'remove', label: 'Remove' },
      ]
    case 'completed':
    case 'canceled':
      return [{ action: 'remove', label: 'Remove' }]
  }
}
