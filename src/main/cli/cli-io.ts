import type { Readable, Writable } from 'node:stream'

/** The process around a command: its streams, environment and folder (replaceable in tests). */
export interface CliIo {
  stdout: Writable & { isTTY?: boolean; columns?: number }
  stderr: Writable
  stdin: Readable
  env: Record<string, string | undefined>
  cwd: string
}
