const MASK = '[redacted]'

/** `text` with every occurrence of each secret replaced; empty secrets are ignored. */
export function redactSecrets(text: string, secrets: readonly (string | null | undefined)[]): string {
  let out = text
  for (const secret of secrets) {
    if (secret) out = out.split(secret).join(MASK)
  }
  return out
}

/**
 * A plain Error describing `error` without its options, request, headers or cause chain
 * (got's errors carry the request options, Authorization header included).
 */
export function safeCause(error: unknown, secrets: readonly (string | null | undefined)[]): Error {
  if (!(error instanceof Error)) return new Error(redactSecrets(String(error), secrets))
  const code = (error as { code?: unknown }).code
  const summary =
    typeof code === 'string' ? `${error.name} ${code}: ${error.message}` : `${error.name}: ${error.message}`
  const clean = new Error(redactSecrets(summary, secrets))
  if (typeof code === 'string') Object.defineProperty(clean, 'code', { value: code, enumerable: true })
  clean.stack = clean.stack ? redactSecrets(clean.stack, secrets) : clean.stack
  return clean
}
