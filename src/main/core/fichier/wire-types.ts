import { z } from 'zod'

// Tolerant primitives for 1fichier's answers: numbers arrive as strings, flags as 0/1/"0"/"1"/bool,
// arrays may be absent or null, text fields may be null.

function toNumber(value: unknown): unknown {
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value)
  return value
}

/** A number, also when sent as a numeric string. */
export const WireNumber = z.preprocess(toNumber, z.number())

/** A number or null (absent, null, empty or non-numeric). */
export const WireNumberOrNull = z
  .preprocess(toNumber, z.number().nullable().catch(null))
  .optional()
  .transform((v) => v ?? null)

/** 0/1 flags as booleans; anything unexpected reads as false. */
export const WireFlag = z
  .preprocess((value) => {
    if (typeof value === 'boolean') return value
    const n = toNumber(value)
    return typeof n === 'number' ? n !== 0 : false
  }, z.boolean())
  .optional()
  .transform((v) => v ?? false)

/** A string or null (absent, null, or a number turned into text). */
export const WireText = z
  .preprocess(
    (value) => (typeof value === 'number' ? String(value) : value),
    z.string().nullable().catch(null),
  )
  .optional()
  .transform((v) => (v === '' || v === undefined ? null : v))

/** A list that may be absent or null. */
export function wireList<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => (Array.isArray(value) ? value : []), z.array(item))
}

/** The MIME type under `content-type`, `content_type` or `mime`, whichever is present. */
export function contentTypeOf(raw: Record<string, unknown>): string | null {
  for (const key of ['content-type', 'content_type', 'contentType', 'mime']) {
    const value = raw[key]
    if (typeof value === 'string' && value !== '') return value
  }
  return null
}
