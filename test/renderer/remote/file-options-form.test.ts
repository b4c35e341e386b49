import { describe, expect, it } from 'vitest'
import { FileOptions } from '../../../src/shared/model/intake'
import { fileOptionsOf } from '../../../src/renderer/features/remote/file-options-form'
import { EMPTY_UPLOAD_FORM } from '../../../src/renderer/features/uploads/upload-form'

describe('fileOptionsOf', () => {
  it('sends only what is filled in', () => {
    const outcome = fileOptionsOf(
      { ...EMPTY_UPLOAD_FORM, password: 'secret1', description: ' Notes ' },
      false,
    )
    expect(outcome).toEqual({ ok: true, options: { password: 'secret1', description: 'Notes' } })
    if (outcome.ok) expect(FileOptions.parse(outcome.options)).toEqual(outcome.options)
  })

  it('removes the password with an empty one, whatever was typed', () => {
    expect(fileOptionsOf({ ...EMPTY_UPLOAD_FORM, password: 'abc' }, true)).toEqual({
      ok: true,
      options: { password: '' },
    })
  })

  it('says when nothing would change, and which fields are refused', () => {
    expect(fileOptionsOf(EMPTY_UPLOAD_FORM, false)).toEqual({ ok: false, nothing: true })
    expect(fileOptionsOf({ ...EMPTY_UPLOAD_FORM, password: 'abc', countries: 'FRA' }, false)).toEqual({
      ok: false,
      invalid: ['password', 'countries'],
    })
  })
})
