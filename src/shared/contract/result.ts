import { z } from 'zod'

/** Codes produced by the IPC layer itself; domain errors bring their own codes (e.g. `AUTH_INVALID_KEY`). */
export const TRANSPORT_ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'INTERNAL',
] as const
export type TransportErrorCode = (typeof TRANSPORT_ERROR_CODES)[number]

export const IpcError = z.object({
  code: z.string().min(1),
  message: z.string(),
})
export type IpcError = z.infer<typeof IpcError>

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError }

export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value }
}

export function fail(code: string, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } }
}
