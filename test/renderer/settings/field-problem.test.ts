import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, Settings } from '../../../src/shared/model/settings'
import { fieldProblem } from '../../../src/renderer/features/settings/field-problem'
import { SETTINGS_GROUPS, type SettingsField } from '../../../src/renderer/features/settings/settings-fields'

const field = (key: string): SettingsField => {
  const found = SETTINGS_GROUPS.flatMap((group) => group.fields).find((candidate) => candidate.key === key)
  if (!found) throw new Error(`no field ${key}`)
  return found
}

describe('the settings form model', () => {
  it('has one field per setting of the schema', () => {
    const keys = SETTINGS_GROUPS.flatMap((group) => group.fields.map((item) => item.key)).sort()
    expect(keys).toEqual(
      Object.keys(Settings.shape)
        .filter((key) => key !== 'version')
        .sort(),
    )
  })

  it('accepts every default value as shown in the form', () => {
    for (const item of SETTINGS_GROUPS.flatMap((group) => group.fields)) {
      const value = DEFAULT_SETTINGS[item.key]
      const shown =
        item.kind === 'number'
          ? String(Number(value) / (item.scale ?? 1))
          : typeof value === 'boolean'
            ? value
            : String(value)
      expect(fieldProblem(item, shown), item.key).toBeNull()
    }
  })

  it('explains numbers out of range, not whole or missing', () => {
    expect(fieldProblem(field('maxActive'), '99')).toEqual({ kind: 'range', min: 1, max: 20 })
    expect(fieldProblem(field('maxActive'), '0')).toEqual({ kind: 'range', min: 1, max: 20 })
    expect(fieldProblem(field('maxActive'), '2.5')).toEqual({ kind: 'wholeNumber' })
    expect(fieldProblem(field('maxActive'), ' ')).toEqual({ kind: 'wholeNumber' })
    expect(fieldProblem(field('maxActive'), '20')).toBeNull()
    // KB/s: a half kilobyte is still a whole number of bytes.
    expect(fieldProblem(field('downloadLimit'), '0.5')).toBeNull()
    expect(fieldProblem(field('downloadLimit'), '0.0001')).toEqual({ kind: 'wholeNumber' })
  })

  it('bounds the folder', () => {
    expect(fieldProblem(field('downloadDir'), 'x'.repeat(4097))).toEqual({ kind: 'tooLong', max: 4096 })
  })
})
