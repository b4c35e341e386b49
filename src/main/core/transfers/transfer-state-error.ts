import { AppError } from '../lib/app-error'
import type { TransferStatus } from '../../../shared/model/transfer'
import type { TransferEvent } from './transfer-event'

/** An event that the transfer's current status does not allow, e.g. `complete` on a paused item. */
export class TransferStateError extends AppError {
  override readonly code = 'ILLEGAL_TRANSITION' as const
  readonly from: TransferStatus
  readonly event: TransferEvent

  constructor(from: TransferStatus, event: TransferEvent) {
    super('ILLEGAL_TRANSITION', `Illegal transfer transition: ${from} → ${event}`)
    this.name = 'TransferStateError'
    this.from = from
    this.event = event
  }
}
