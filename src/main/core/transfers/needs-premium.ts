import { TransferFailureError } from './transfer-failure'

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
