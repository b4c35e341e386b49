import { describe, expect, it } from 'vitest'
import { preferredLanguage } from '../../../../src/main/server/auth/preferred-language'

describe("login page's language", () => {
  it('is French when the browser ranks French above English, English otherwise', () => {
    expect(preferredLanguage('fr-CA')).toBe('fr')
    expect(preferredLanguage('de-DE,de;q=0.9,fr;q=0.5')).toBe('fr')
    expect(preferredLanguage('en;q=0.4, fr;q=0.6')).toBe('fr')
    expect(preferredLanguage('fr;q=0.4, en;q=0.6')).toBe('en')
    expect(preferredLanguage('en-US,fr')).toBe('en')
    expect(preferredLanguage('fr;q=0, de')).toBe('en')
    expect(preferredLanguage('*')).toBe('en')
    expect(preferredLanguage('')).toBe('en')
    expect(preferredLanguage(undefined)).toBe('en')
  })
})
