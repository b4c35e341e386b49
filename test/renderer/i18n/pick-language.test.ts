import { describe, expect, it } from 'vitest'
import { pickLanguage } from '../../../src/shared/i18n/pick-language'

describe('pickLanguage', () => {
  it('uses the setting when it names a language', () => {
    expect(pickLanguage('fr', ['en-US'])).toBe('fr')
    expect(pickLanguage('en', ['fr-FR'])).toBe('en')
  })

  it('follows the first system language the interface speaks', () => {
    expect(pickLanguage('system', ['de-DE', 'fr-CA', 'en-GB'])).toBe('fr')
    expect(pickLanguage('system', ['EN-us'])).toBe('en')
  })

  it('falls back to English', () => {
    expect(pickLanguage('system', ['de', 'ja'])).toBe('en')
    expect(pickLanguage('system', [])).toBe('en')
  })
})
