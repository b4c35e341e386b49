import type { SettingsField } from './settings-fields'

/** Why a draft value cannot be saved, with what the message needs; null when it is fine. */
export type FieldProblem =
  { kind: 'wholeNumber' } | { kind: 'range'; min: number; max: number } | { kind: 'tooLong'; max: number }

/**
 * Checks a draft value against the rules the form knows (the schema stays the judge: the app's
 * own answer is shown for anything this lets through). Numbers are in the field's display unit.
 */
export function fieldProblem(field: SettingsField, raw: string | boolean | undefined): FieldProblem | null {
  if (field.kind === 'number') {
    const text = String(raw ?? '').trim()
    const value = Number(text)
    if (text === '' || !Number.isFinite(value)) return { kind: 'wholeNumber' }
    if (!Number.isInteger(value * (field.scale ?? 1))) return { kind: 'wholeNumber' }
    if (value < field.min || value > field.max) {
      return { kind: 'range', min: field.min, max: field.max }
    }
    return null
  }
  if (field.kind === 'text') {
    const text = String(raw ?? '')
    if (text.length > field.maxLength) return { kind: 'tooLong', max: field.maxLength }
  }
  return null
}
