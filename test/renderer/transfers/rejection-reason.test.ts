import { describe, expect, it } from 'vitest'
import { parseLink } from '../../../src/shared/links/parse-link'
import { parseLinks } from '../../../src/shared/links/parse-links'
import { rejectionReason } from '../../../src/renderer/features/transfers/rejection-reason'
import { createI18n } from '../../../src/renderer/i18n/create-i18n'

/** Lines the link parser refuses, one per reason it gives. */
const REFUSED = [
  'https://example.com/?abcdefgh',
  'ftp://1fichier.com/?abcdefgh',
  'https://1fichier.com/dir/',
  'https://1fichier.com/dir/bad_id!!',
  'https://1fichier.com/foo/bar',
  'https://1fichier.com/?',
  'http://a-12.1fichier.com/',
  'http://ab.1fichier.com/',
  'https://1fichier.com/?bad_id!!!',
  'https://1fichier.com/?abc',
  'https://1fichier.com/?abcdefghijklmnopqrstuvwxyz',
]

function translate(reason: string, language: 'en' | 'fr'): string {
  const i18n = createI18n(language)
  const known = rejectionReason(reason)
  return known ? i18n.t(`transfers:rejected.${known.key}`, { ...known.values, defaultValue: reason }) : reason
}

describe('rejectionReason', () => {
  it('knows every reason the link parser gives', () => {
    const reasons = REFUSED.map((line) => {
      const match = parseLink(line)
      if (match.kind !== 'rejected') throw new Error(`${line} was accepted`)
      return match.reason
    })
    reasons.push(parseLinks([{ url: 'no link here' }]).rejected[0]?.reason ?? 'missing')
    expect(new Set(reasons).size).toBe(reasons.length)
    for (const reason of reasons) expect(rejectionReason(reason), reason).not.toBeNull()
  })

  it('says them in French with their details', () => {
    expect(translate('id too short (3 characters, 5–20 expected)', 'fr')).toBe(
      'identifiant trop court (3 caractères, 5 à 20 attendus)',
    )
    expect(translate('not a 1fichier domain (example.com)', 'fr')).toBe(
      'pas une adresse 1fichier (example.com)',
    )
    expect(translate('invalid characters in file id "bad_id!!!"', 'fr')).toBe(
      'caractères invalides dans l’identifiant du fichier « bad_id!!! »',
    )
    expect(translate('id too short (3 characters, 5–20 expected)', 'en')).toBe(
      'id too short (3 characters, 5–20 expected)',
    )
  })

  it('leaves an unknown reason as written', () => {
    expect(rejectionReason('The folder was deleted meanwhile.')).toBeNull()
    expect(translate('The folder was deleted meanwhile.', 'fr')).toBe('The folder was deleted meanwhile.')
  })
})
