import { unknownAnswerStatus } from '../../fichier/fichier-error'
import { TransferFailureError } from '../transfer-failure'

/** `get_token.cgi` refused a key that is not a customer's (`Must be a customer (Premium, Access) #236`). */
export function isNotCustomer(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'NOT_CUSTOMER'
}

/**
 * The failure of this one download: the key stays usable for listings and uploads, so the queue is
 * not held as it is for a refused key.
 */
export function needsPremium(cause: unknown): TransferFailureError {
  return new TransferFailureError(
    'NEEDS_PREMIUM',
    'Downloading through the 1fichier API needs a Premium or Access account; this key belongs to a free account. Listings and uploads still work.',
    { retriable: false, cause },
  )
}

/** A refusal 1fichier worded in a way no rule knows (an unknown `KO` message on a 4xx). */
export function isUnknownRefusal(error: unknown): boolean {
  const status = unknownAnswerStatus(error)
  return status !== null && status >= 400 && status < 500
}

/**
 * get_token is a read: an unknown refusal is tried again later with the engine's backoff
 * (JDownloader waits 5 minutes), never taken as the end of the transfer.
 */
export function laterAgain(cause: unknown): TransferFailureError {
  const said = cause instanceof Error ? cause.message : String(cause)
  return new TransferFailureError('NODE_REFUSED', `${said} The download will be tried again later.`, {
    retriable: true,
    cause,
  })
}
