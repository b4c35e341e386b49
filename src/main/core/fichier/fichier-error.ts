import { z } from 'zod'
import { AppError } from '../lib/app-error'

export const FichierErrorCode = z.enum([
  'AUTH_INVALID_KEY',
  'NOT_CUSTOMER',
  'NOT_FOUND',
  'NOT_ALLOWED',
  'PASSWORD_REQUIRED',
  'PASSWORD_WRONG',
  'OWNER_LOCKED',
  'LOCATION_LIMIT',
  'FLOOD_LOCKED',
  'RATE_LIMITED',
  'SERVER',
  'NETWORK',
  'PROTOCOL',
])
export type FichierErrorCode = z.infer<typeof FichierErrorCode>

export interface FichierErrorDetails {
  /** The `#number` at the end of 1fichier's message, when there was one. */
  serverCode?: number | null
  httpStatus?: number | null
  retriable?: boolean
  /** For FLOOD_LOCKED and RATE_LIMITED: when calls may resume (epoch ms), if known. */
  until?: number | null
  /** `Retry-After` as sent by the server, if any. */
  retryAfter?: string | null
  /** Already stripped of anything secret. */
  cause?: unknown
}

/** A failed 1fichier call, with a message meant for the user. Never carries the API key. */
export class FichierError extends AppError {
  declare readonly code: FichierErrorCode
  readonly serverCode: number | null
  readonly httpStatus: number | null
  readonly retriable: boolean
  readonly until: number | null
  readonly retryAfter: string | null

  constructor(code: FichierErrorCode, message: string, details: FichierErrorDetails = {}) {
    super(code, message, details.cause === undefined ? undefined : { cause: details.cause })
    this.name = 'FichierError'
    this.serverCode = details.serverCode ?? null
    this.httpStatus = details.httpStatus ?? null
    this.retriable = details.retriable ?? false
    this.until = details.until ?? null
    this.retryAfter = details.retryAfter ?? null
  }
}

/**
 * For an answer 1fichier worded in a way no rule knows (`SERVER`, e.g. a new `KO` message): the
 * HTTP status it came with; null for any other error. 200 is a `KO` in a normal answer, 4xx a
 * refusal, 5xx a failure of the service. Errors that crossed a boundary are read by shape.
 */
export function unknownAnswerStatus(error: unknown): number | null {
  const { code, httpStatus } = (error ?? {}) as { code?: unknown; httpStatus?: unknown }
  return code === 'SERVER' && typeof httpStatus === 'number' ? httpStatus : null
}
