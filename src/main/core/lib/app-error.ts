/**
 * An error whose `code` and `message` are meant for the user: the IPC layer passes them through,
 * whereas any other error becomes `INTERNAL` with a generic message.
 */
export class AppError extends Error {
  readonly code: string

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'AppError'
    this.code = code
  }
}
