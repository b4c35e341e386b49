/** The exit codes scripts can rely on (documented in the README and in `fichier --help`). */
export const ExitCode = {
  ok: 0,
  someFailed: 1,
  usage: 2,
  auth: 3,
  rateLimited: 4,
  runtime: 5,
  /** Nothing failed, but some downloads were not fetched: a file of that name was already there. */
  skipped: 6,
  /** The disk has no room for a download (needed and free bytes are in the message). */
  noSpace: 7,
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
/** A password given to `serve --set-password` that cannot be taken: the input is wrong, as for a usage error. */
const PASSWORD_INPUT_CODES = new Set([
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_LONG',
  'PASSWORDS_DIFFER',
  'PASSWORD_MISSING',
  'PASSWORD_FILE_UNREADABLE',
  'PASSWORD_FILE_UNSAFE',
])

/** The exit code for an error code: usage, auth, rate limit, interruption, or any other runtime error. */
export function exitCodeFor(code: string): ExitCode {
  if (code === 'USAGE' || PASSWORD_INPUT_CODES.has(code)) return ExitCode.usage
  if (code === 'INTERRUPTED') return ExitCode.interrupted
  if (AUTH_CODES.has(code)) return ExitCode.auth
  if (RATE_CODES.has(code)) return ExitCode.rateLimited
  if (code === 'DISK_FULL') return ExitCode.noSpace
  return ExitCode.runtime
}

/**
 * The exit code of a command that ran its items: a full disk first (the other items cannot go on
 * either), then failures, then downloads skipped because their name was taken.
 */
export function itemsExitCode(counts: { failed: number; skipped: number; diskFull: boolean }): ExitCode {
  if (counts.diskFull) return ExitCode.noSpace
  if (counts.failed > 0) return ExitCode.someFailed
  return counts.skipped > 0 ? ExitCode.skipped : ExitCode.ok
}
