import { z } from 'zod'
import { AppError } from '../lib/app-error'

export const QueueStoreErrorCode = z.enum([
  'CLOSED',
  'INVALID_ITEM',
  'READ_FAILED',
  'WRITE_FAILED',
  'UNSUPPORTED_VERSION',
])
export type QueueStoreErrorCode = z.infer<typeof QueueStoreErrorCode>

/** The transfer queue could not be read or written. */
export class QueueStoreError extends AppError {
  declare readonly code: QueueStoreErrorCode

  constructor(code: QueueStoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options)
    this.name = 'QueueStoreError'
  }
}
