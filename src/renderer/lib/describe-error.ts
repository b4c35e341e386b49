/** The message to show for anything a command or a handler threw. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
