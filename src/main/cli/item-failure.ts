import type { TransferError } from '../../shared/model/transfer'
import { ExitCode, exitCodeFor } from './exit-code'

/**
 * The error of one item among several (the command goes on with the others and exits 1), or a
 * re-throw when it concerns the whole command: the key, a flood lock, an interruption, or an
 * unexpected error without a code.
 */
export function itemFailure(error: unknown): TransferError {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string') throw error
  const exit = exitCodeFor(code)
  if (exit === ExitCode.auth || exit === ExitCode.rateLimited || exit === ExitCode.interrupted) throw error
  return { code, message: error instanceof Error ? error.message : String(error) }
}
