import type { TransferStatus } from '../../../shared/model/transfer'
import type { TransferEvent } from './transfer-event'
import { TransferStateError } from './transfer-state-error'

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
