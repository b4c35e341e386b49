/** A command answered `{ ok: false }`: `code` and `message` come from the error envelope, unchanged. */
export class IpcCallError extends Error {
  readonly code: string
  readonly channel: string

  constructor(channel: string, code: string, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'IpcCallError'
    this.channel = channel
    this.code = code
  }
}
