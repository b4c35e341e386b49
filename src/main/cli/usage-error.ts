import { AppError } from '../core/lib/app-error'

/** The command line was wrong (unknown command or option, missing or invalid argument): exit code 2. */
export class UsageError extends AppError {
  declare readonly code: 'USAGE'

  constructor(message: string, options?: { cause?: unknown }) {
    super('USAGE', message, options)
    this.name = 'UsageError'
  }
}
