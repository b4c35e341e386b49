import { AppError } from '../../core/lib/app-error'

export type PasswordErrorCode =
  /** Shorter than `MIN_PASSWORD_LENGTH`. */
  | 'PASSWORD_TOO_SHORT'
  /** Longer than `MAX_PASSWORD_LENGTH`. */
  | 'PASSWORD_TOO_LONG'
  /** The two entries at the prompt were not the same. */
  | 'PASSWORDS_DIFFER'
  /** No password came: empty standard input, empty file, several lines. */
  | 'PASSWORD_MISSING'
  /** `--password-file` could not be read. */
  | 'PASSWORD_FILE_UNREADABLE'
  /** `--password-file` can be read by other users. */
  | 'PASSWORD_FILE_UNSAFE'
  /** The stored password file is not one this version wrote. */
  | 'PASSWORD_STORE_INVALID'

/** The server password cannot be set or read; the message says why and what to do. */
export class PasswordError extends AppError {
  declare readonly code: PasswordErrorCode

  constructor(code: PasswordErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options)
    this.name = 'PasswordError'
  }
}
