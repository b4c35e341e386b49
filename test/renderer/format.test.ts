import { describe, expect, it } from 'vitest'
import { formatBytes } from '../../src/shared/format/format-bytes'
import { formatDuration } from '../../src/renderer/lib/format-duration'

describe('formatBytes', () => {
  it('uses binary multiples with a precision that shrinks as numbers grow', () => {
    expect(formatBytes(0)).toBe('0 B')
    expect(formatBytes(1023)).toBe('1023 B')
    expect(formatBytes(1536)).toBe('1.50 KB')
    expect(formatBytes(15 * 1024 ** 2)).toBe('15.0 MB')
    expect(formatBytes(734_003_200)).toBe('700 MB')
    expect(formatBytes(3 * 1024 ** 5)).toBe('3.00 PB')
  })

  it('shows a dash for unknown sizes', () => {
    expect(formatBytes(null)).toBe('—')
    expect(formatBytes(undefined)).toBe('—')
    expect(formatBytes(Number.NaN)).toBe('—')
  })
})

describe('formatDuration', () => {
  it('picks the two largest units', () => {
    expect(formatDuration(42)).toBe('42 s')
    expect(formatDuration(71)).toBe('1 min 11 s')
    expect(formatDuration(3725)).toBe('1 h 02 min')
    expect(formatDuration(3 * 86_400)).toBe('3 d')
    expect(formatDuration(null)).toBe('—')
  })

  it('writes days as « j » in French and keeps the other units', () => {
    expect(formatDuration(3 * 86_400, 'fr')).toBe('3 j')
    expect(formatDuration(3 * 86_400, 'fr-FR')).toBe('3 j')
    expect(formatDuration(3 * 86_400, 'en')).toBe('3 d')
    expect(formatDuration(3725, 'fr')).toBe('1 h 02 min')
    expect(formatDuration(71, 'fr')).toBe('1 min 11 s')
  })
})
