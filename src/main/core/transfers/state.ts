import { z } from 'zod'
import type { TransferStatus } from '../../../shared/model/transfer'
import { TransferStateError } from './transfer-state-error'

/**
 * Everything that can happen to a transfer:
 * - `start`: the scheduler gives a queued item a slot (queued → active);
 * - `pause`: the user (or a condition such as a full disk) stops it (queued | active | retrying → paused);
 * - `resume`: the user lets a paused item run again (paused → queued);
 * - `retryScheduled`: a transient failure with attempts left (active → retrying);
 * - `retryDue`: the backoff is over (retrying → queued);
 * - `fail`: a permanent failure, or no attempts left (active → failed);
 * - `complete`: the bytes are all there and checked (active → completed);
 * - `cancel`: the user gives up on an unfinished item (queued | active | retrying | paused → canceled);
 * - `retry`: the user tries a failed or canceled item again (failed | canceled → queued);
 * - `interrupt`: the app stopped while the item was running or waiting out a backoff, found on
 *   shutdown or on restart after a crash (active | retrying → queued).
 */
export const TransferEvent = z.enum([
  'start',
  'pause',
  'resume',
  'retryScheduled',
  'retryDue',
  'fail',
  'complete',
  'cancel',
  'retry',
  'interrupt',
])
export type TransferEvent = z.infer<typeof TransferEvent>

/** The status after `event`; throws `TransferStateError` when `state` does not allow it. */
export function transition(state: TransferStatus, event: TransferEvent): TransferStatus {
  const next = nextStatus(state, event)
  if (next === undefined) throw new TransferStateError(state, event)
  return next
}

/** Whether `event` is allowed in `state`. */
export function canTransition(state: TransferStatus, event: TransferEvent): boolean {
  return nextStatus(state, event) !== undefined
}

function nextStatus(state: TransferStatus, event: TransferEvent): TransferStatus | undefined {
  switch (event) {
    case 'start':
      return state === 'queued' ? 'active' : undefined
    case 'pause':
      return state === 'queued' || state === 'active' || state === 'retrying' ? 'paused' : undefined
    case 'resume':
      return state === 'paused' ? 'queued' : undefined
    case 'retryScheduled':
      return state === 'active' ? 'retrying' : undefined
    case 'retryDue':
      return state === 'retrying' ? 'queued' : undefined
    case 'fail':
      return state === 'active' ? 'failed' : undefined
    case 'complete':
      return state === 'active' ? 'completed' : undefined
    case 'cancel':
      return isUnfinished(state) ? 'canceled' : undefined
    case 'retry':
      return state === 'failed' || state === 'canceled' ? 'queued' : undefined
    case 'interrupt':
      return state === 'active' || state === 'retrying' ? 'queued' : undefined
    default:
      return assertNever(event)
  }
}

function isUnfinished(state: TransferStatus): boolean {
  switch (state) {
    case 'queued':
    case 'active':
    case 'retrying':
    case 'paused':
      return true
    case 'completed':
    case 'failed':
    case 'canceled':
      return false
    default:
      return assertNever(state)
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`)
}
