/** The exit codes scripts can rely on (documented in the README and in `fichier --help`). */
export const ExitCode = {
  ok: 0,
  someFailed: 1,
  usage: 2,
  auth: 3,
  rateLimited: 4,
  runtime: 5,
  interrupted: 130,
} as const
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

const AUTH_CODES = new Set([
  'AUTH_INVALID_KEY',
  'NOT_CUSTOMER',
  'NO_KEY',
  'KEY_FILE_UNSAFE',
  'KEY_FILE_UNREADABLE',
])
const RATE_CODES = new Set(['FLOOD_LOCKED', 'RATE_LIMITED'])

/** The exit code for an error code: usage, auth, rate limit, interruption, or any other runtime error. */
export function exitCodeFor(code: string): ExitCode {
  if (code === 'USAGE') return ExitCode.usage
  if (code === 'INTERRUPTED') return ExitCode.interrupted
  if (AUTH_CODES.has(code)) return ExitCode.auth
  if (RATE_CODES.has(code)) return ExitCode.rateLimited
  return ExitCode.runtime
}
