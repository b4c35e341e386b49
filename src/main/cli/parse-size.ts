import { UsageError } from './usage-error'

const UNITS: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 }

/** A size in bytes: `500000`, `800K`, `40M`, `1.5G`, `2T` (binary units; a trailing `B` or `iB` is accepted). */
export function parseSize(option: string, text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(?:i?B)?\s*$/i.exec(text)
  const value = match
    ? Math.round(Number(match[1]) * (UNITS[(match[2] ?? '').toUpperCase()] ?? 1))
    : Number.NaN
  if (!Number.isSafeInteger(value) || value < 1)
    throw new UsageError(
      `${option} takes a size in bytes, optionally with K, M, G or T (e.g. 20G); got "${text}".`,
    )
  return value
}
