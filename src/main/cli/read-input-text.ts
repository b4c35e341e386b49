import { readFile } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { text } from 'node:stream/consumers'
import { UsageError } from './usage-error'

/** The content of `--from-file F`, or of standard input for `-`. */
export async function readInputText(file: string, stdin: Readable): Promise<string> {
  if (file === '-') return text(stdin)
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`, {
      cause: error,
    })
  }
}
