import { AppError } from '../lib/app-error'

export const TRANSFER_FAILURE_CODES = [
  'DISK_FULL',
  'DISK_ERROR',
  'CHECKSUM_MISMATCH',
  'SIZE_MISMATCH',
  'SERVER_CHANGED_FILE',
  'NODE_REFUSED',
  'NETWORK',
  'STALLED',
  'SHORT_BODY',
  'BAD_RESPONSE',
  'LOCAL_FILE',
  'UPLOAD_REFUSED',
  'NOT_READY',
  'NOT_THE_FILE',
  'NEEDS_PREMIUM',
  'PART_IN_USE',
] as const
export type TransferFailureCode = (typeof TRANSFER_FAILURE_CODES)[number]

/**
 * A transfer went wrong. `retriable` failures are tried again after a backoff; the others end the
 * item in `failed` (or `paused` for `DISK_FULL`, so that freeing space and resuming is enough).
 */
export class TransferFailureError extends AppError {
  readonly retriable: boolean

  constructor(code: TransferFailureCode, message: string, options: { retriable: boolean; cause?: unknown }) {
    super(code, message, { cause: options.cause })
    this.name = 'TransferFailureError'
    this.retriable = options.retriable
  }
}

/** Whether an error from anywhere below (client, network, disk) is worth another try. */
export function isRetriable(error: unknown): boolean {
  if (error instanceof TransferFailureError) return error.retriable
  if (error && typeof error === 'object' && 'retriable' in error)
    return (error as { retriable: unknown }).retriable === true
  const code = (error as { code?: unknown } | null)?.code
  return (
    typeof code === 'string' &&
    [
      'ECONNRESET',
      'ECONNREFUSED',
      'EPIPE',
      'ETIMEDOUT',
      'EAI_AGAIN',
      'ENOTFOUND',
      'ERR_STREAM_PREMATURE_CLOSE',
      'ECONNABORTED',
      'EHOSTUNREACH',
      'ENETUNREACH',
    ].includes(code)
  )
}

/** Maps a file-system error to a user-facing failure. */
export function diskFailure(error: unknown, path: string): TransferFailureError {
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new TransferFailureError(
      'DISK_FULL',
      `The disk holding ${path} is full. Free some space, then resume.`,
      {
        retriable: false,
        cause: error,
      },
    )
  }
  return new TransferFailureError('DISK_ERROR', `Could not write ${path}: ${code ?? String(error)}.`, {
    retriable: false,
    cause: error,
  })
}
