/**
 * A refusal the API answers as `{"status":"KO","message":"<text> #<code>"}` with an HTTP status.
 * `code` is the trailing number of the message.
 */
export class ApiRefusalError extends Error {
  readonly code: number
  readonly httpStatus: number
  /** Extra headers or a body that differs from the KO envelope (e.g. `Content-Type not JSON #24`). */
  readonly body: Record<string, unknown>

  constructor(httpStatus: number, text: string, code: number, options?: { cause?: unknown; bare?: boolean }) {
    super(`${text} #${code}`, options?.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'ApiRefusalError'
    this.code = code
    this.httpStatus = httpStatus
    this.body = options?.bare ? { message: this.message } : { status: 'KO', message: this.message }
  }
}

export const notFound = (): ApiRefusalError => new ApiRefusalError(404, 'Resource not found', 469)
export const notAllowed = (): ApiRefusalError => new ApiRefusalError(403, 'Resource not allowed', 631)
export const badRequest = (text: string, code: number): ApiRefusalError =>
  new ApiRefusalError(403, text, code)
