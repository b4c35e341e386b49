/** Why a staging upload was refused: the HTTP status, a code and a message for the page. */
export class StagingRefusalError extends Error {
  readonly status: number
  readonly code: string

  constructor(status: number, code: string, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'StagingRefusalError'
    this.status = status
    this.code = code
  }
}
