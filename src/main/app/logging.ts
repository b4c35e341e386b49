import log from 'electron-log/main'
import { join } from 'node:path'
import { redactionHook } from './log-redaction'

export interface AppLog {
  info(...data: unknown[]): void
  warn(...data: unknown[]): void
  error(...data: unknown[]): void
  /** The folder holding `main.log` (and `main.old.log` after a rotation). */
  readonly folder: string
  /** Where the secrets to mask come from (the API key, once known). */
  redact(secrets: () => readonly (string | null | undefined)[]): void
}

const MAX_FILE_BYTES = 5 * 1024 * 1024

/**
 * The app's log: `<logs>/main.log`, rotated to `main.old.log` past 5 MB, also on stderr in
 * development. Every argument of every line goes through the redaction hook first, so the API key
 * never reaches a transport.
 */
export function createAppLog(folder: string, options: { console: boolean }): AppLog {
  let secrets: () => readonly (string | null | undefined)[] = () => []
  log.transports.file.resolvePathFn = () => join(folder, 'main.log')
  log.transports.file.maxSize = MAX_FILE_BYTES
  log.transports.file.level = 'info'
  log.transports.console.level = options.console ? 'debug' : false
  log.hooks.push(redactionHook(() => secrets()))
  log.errorHandler.startCatching({ showDialog: false })
  return {
    info: (...data) => log.info(...data),
    warn: (...data) => log.warn(...data),
    error: (...data) => log.error(...data),
    folder,
    redact(source) {
      secrets = source
    },
  }
}
