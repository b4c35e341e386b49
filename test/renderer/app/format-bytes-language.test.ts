import { describe, expect, it } from 'vitest'
import { formatBytes } from '../../../src/shared/format/format-bytes'

describe('formatBytes in a language', () => {
  it('writes French sizes in octets with a decimal comma', () => {
    expect(formatBytes(1536, 'fr')).toBe('1,50 Ko')
    expect(formatBytes(15 * 1024 ** 2, 'fr')).toBe('15,0 Mo')
    expect(formatBytes(1023, 'fr')).toBe('1023 o')
    expect(formatBytes(null, 'fr')).toBe('—')
  })

  it('keeps English sizes as without a language', () => {
    for (const bytes of [0, 1023, 1536, 734_003_200, 3 * 1024 ** 5]) {
      expect(formatBytes(bytes, 'en')).toBe(formatBytes(bytes))
    }
  })
})
