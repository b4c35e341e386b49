import type { z } from 'zod'
import { invokeSchemas, isInvokeChannel, type IpcResult } from '../../../shared/contract'
import { AppError } from '../lib/app-error'
import type { Handlers } from './handlers'

export interface DispatchOptions {
  /** Also check what handlers answer (development builds and tests). */
  validateOutputs?: boolean
  /** Told about unexpected errors, which the caller only sees as `INTERNAL`. */
  onInternalError?: (channel: string, error: unknown) => void
}

export type Dispatch = (channel: unknown, input: unknown) => Promise<IpcResult<unknown>>

/** Turns a zod failure into one readable sentence: `links.0.url: Invalid URL; start: Expected boolean`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ')
}

/**
 * The transport-independent half of every IPC adapter: checks the channel, validates the input
 * against the contract, runs the handler and wraps the outcome in an `IpcResult` envelope.
 */
export function createDispatch(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  return async (channel, input) => {
    if (!isInvokeChannel(channel)) {
      return {
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: `Unknown command "${String(channel)}"` },
      }
    }
    const schemas = invokeSchemas[channel]
    const parsed = schemas.input.safeParse(input ?? {})
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: `Invalid input for ${channel}: ${describeIssues(parsed.error)}`,
        },
      }
    }
    try {
      const handler = handlers[channel] as (input: unknown) => unknown
      const value = await handler(parsed.data)
      if (options.validateOutputs) {
        const checked = schemas.output.safeParse(value)
        if (!checked.success) {
          throw new Error(
            `Handler for ${channel} answered an invalid value: ${describeIssues(checked.error)}`,
          )
        }
      }
      return { ok: true, value }
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } }
      options.onInternalError?.(channel, error)
      return {
        ok: false,
        error: { code: 'INTERNAL', message: `${channel} failed unexpectedly; the details are in the log.` },
      }
    }
  }
}
