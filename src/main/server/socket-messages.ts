import { z } from 'zod'

/** What a page sends over `/ws`: one command, answered with the same `id`. */
export const SocketRequest = z.object({
  id: z.union([z.string().max(64), z.number().int()]),
  channel: z.string().max(64),
  input: z.unknown().optional(),
})
export type SocketRequest = z.infer<typeof SocketRequest>

/** Reads one text frame; null when it is not JSON or not a request. */
export function parseSocketRequest(data: string): SocketRequest | null {
  let json: unknown
  try {
    json = JSON.parse(data)
  } catch {
    return null
  }
  const parsed = SocketRequest.safeParse(json)
  return parsed.success ? parsed.data : null
}
