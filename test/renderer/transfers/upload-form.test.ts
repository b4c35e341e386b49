import { describe, expect, it } from 'vitest'
import { EMPTY_UPLOAD_FORM, uploadOptionsOf } from '../../../src/renderer/features/uploads/upload-form'

describe('the upload options form', () => {
  it('sets nothing when left empty', () => {
    expect(uploadOptionsOf(EMPTY_UPLOAD_FORM)).toEqual({ ok: true, options: undefined })
    expect(uploadOptionsOf({ ...EMPTY_UPLOAD_FORM, description: '   ' })).toEqual({
      ok: true,
      options: undefined,
    })
  })

  it('turns the fields into the contract’s options, splitting lists and upper-casing countries', () => {
    const outcome = uploadOptionsOf({
      password: 'secret-42',
      description: '  Holiday photos ',
      cdn: true,
      ips: '203.0.113.7, 198.51.100.0/24\n',
      countries: 'fr be;ch',
      emails: 'ann@example.com  bob@example.org',
      premiumOnly: true,
    })
    expect(outcome).toEqual({
      ok: true,
      options: {
        password: 'secret-42',
        description: 'Holiday photos',
        cdn: true,
        acl: {
          ip: ['203.0.113.7', '198.51.100.0/24'],
          country: ['FR', 'BE', 'CH'],
          email: ['ann@example.com', 'bob@example.org'],
          premium: true,
        },
      },
    })
  })

  it('names each field the contract refuses', () => {
    expect(uploadOptionsOf({ ...EMPTY_UPLOAD_FORM, password: 'short' })).toEqual({
      ok: false,
      invalid: ['password'],
    })
    const outcome = uploadOptionsOf({
      ...EMPTY_UPLOAD_FORM,
      countries: 'France',
      emails: 'not-an-address',
      description: 'x'.repeat(2001),
    })
    expect(outcome.ok).toBe(false)
    expect(!outcome.ok && [...outcome.invalid].sort()).toEqual(['countries', 'description', 'emails'])
    expect(uploadOptionsOf({ ...EMPTY_UPLOAD_FORM, ips: 'x'.repeat(65) })).toEqual({
      ok: false,
      invalid: ['ips'],
    })
  })
})
