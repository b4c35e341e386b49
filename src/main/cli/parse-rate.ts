import { UsageError } from './usage-error'

const UNITS: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }

/**
 * A speed in bytes per second: `500000`, `800K`, `40M`, `1.5G` (binary units; a trailing `B`, `iB`
 * or `/s` is accepted). `0` means unlimited.
 */
export function parseRate(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([KMG]?)(?:i?B)?(?:\/s)?\s*$/i.exec(text)
  if (!match)
    throw new UsageError(
      `Invalid rate "${text}": use bytes per second, optionally with K, M or G (e.g. 40M).`,
    )
  const value = Math.round(Number(match[1]) * (UNITS[(match[2] ?? '').toUpperCase()] ?? 1))
  if (!Number.isSafeInteger(value) || value > 10 * 1024 ** 3)
    throw new UsageError(`The rate "${text}" is too large (10G at most).`)
  return value
}
