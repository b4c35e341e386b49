import { redactSecrets } from '../core/fichier/redact'

const MASK = '[redacted]'
/** Credentials in headers or URLs, whether or not the key is known yet. */
const PATTERNS: readonly RegExp[] = [
  /(\bBearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi,
  /(\bapi[_-]?key["']?\s*[:=]\s*["']?)[A-Za-z0-9._~+/=-]{8,}/gi,
]
const MAX_DEPTH = 6

export function redactText(text: string, secrets: readonly (string | null | undefined)[]): string {
  let out = redactSecrets(text, secrets)
  for (const pattern of PATTERNS) out = out.replace(pattern, `$1${MASK}`)
  return out
}

/**
 * A copy of one logged value with every secret (and anything shaped like a bearer token or an
 * `api_key=` pair) masked: strings, errors (message, stack, code) and plain objects or arrays,
 * deeply, cycles cut.
 */
export function redactLogValue(
  value: unknown,
  secrets: readonly (string | null | undefined)[],
  depth = 0,
  seen: WeakSet<object> = new WeakSet(),
): unknown {
  if (typeof value === 'string') return redactText(value, secrets)
  if (value === null || typeof value !== 'object') return value
  if (seen.has(value)) return '[circular]'
  if (depth >= MAX_DEPTH) return '[…]'
  seen.add(value)
  if (value instanceof Error) {
    const copy = new Error(redactText(value.message, secrets))
    copy.name = value.name
    copy.stack = value.stack === undefined ? undefined : redactText(value.stack, secrets)
    const code = (value as { code?: unknown }).code
    if (code !== undefined)
      Object.defineProperty(copy, 'code', {
        value: redactLogValue(code, secrets, depth + 1, seen),
        enumerable: true,
      })
    return copy
  }
  if (Array.isArray(value)) return value.map((item) => redactLogValue(item, secrets, depth + 1, seen))
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) out[key] = redactLogValue(item, secrets, depth + 1, seen)
  return out
}

/** Every argument of one log call, redacted. */
export function redactLogData(
  data: readonly unknown[],
  secrets: readonly (string | null | undefined)[],
): unknown[] {
  return data.map((value) => redactLogValue(value, secrets))
}

/** An electron-log hook masking the secrets `secrets()` answers at the time of each line. */
export function redactionHook(secrets: () => readonly (string | null | undefined)[]) {
  return <M extends { data: unknown[] }>(message: M): M => ({
    ...message,
    data: redactLogData(message.data, secrets()),
  })
}
