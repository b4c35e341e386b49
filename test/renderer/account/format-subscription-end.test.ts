import { describe, expect, it } from 'vitest'
import { formatSubscriptionEnd } from '../../../src/renderer/features/account/format-subscription-end'

describe('formatSubscriptionEnd', () => {
  it('shows 1fichier’s date in the interface’s language, on the same calendar day', () => {
    expect(formatSubscriptionEnd('2027-03-12 23:59:59', 'en')).toBe('March 12, 2027')
    expect(formatSubscriptionEnd('2027-03-12 00:00:00', 'fr')).toBe('12 mars 2027')
  })

  it('shows anything else as given, and nothing as a dash', () => {
    expect(formatSubscriptionEnd('soon', 'en')).toBe('soon')
    expect(formatSubscriptionEnd('', 'en')).toBe('—')
    expect(formatSubscriptionEnd(null, 'fr')).toBe('—')
  })
})
