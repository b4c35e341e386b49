import { describe, expect, it } from 'vitest'
import { fieldErrors } from '../../src/renderer/features/settings/field-errors'

describe('fieldErrors', () => {
  it('splits an invalid-input envelope message by field', () => {
    const message =
      'Invalid input for settings:update: maxActive: Too big: expected number to be <=20; theme: Invalid option'
    expect(fieldErrors(message, ['maxActive', 'downloadDir', 'theme'])).toEqual({
      maxActive: 'Too big: expected number to be <=20',
      theme: 'Invalid option',
    })
  })

  it('keeps what names no known field as a general message', () => {
    expect(fieldErrors('Settings could not be saved: disk full', ['maxActive'])).toEqual({
      '': 'Settings could not be saved: disk full',
    })
  })
})
