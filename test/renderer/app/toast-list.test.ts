import { describe, expect, it } from 'vitest'
import { dropToast, MAX_TOASTS, pushToast, type Toast } from '../../../src/renderer/app/toasts/toast-list'

const toast = (id: string, message = `m${id}`, kind: Toast['kind'] = 'error'): Toast => ({
  id,
  kind,
  message,
})

describe('the toast list', () => {
  it('adds at the end and keeps only the newest few', () => {
    let list: Toast[] = []
    for (let i = 1; i <= MAX_TOASTS + 2; i++) list = pushToast(list, toast(String(i)))
    expect(list.map((item) => item.id)).toEqual(['3', '4', '5', '6'])
  })

  it('replaces an identical message instead of stacking it', () => {
    const list = pushToast([toast('1', 'same'), toast('2', 'other')], toast('3', 'same'))
    expect(list.map((item) => item.id)).toEqual(['2', '3'])
    // The same words as a success are another message.
    expect(pushToast(list, toast('4', 'same', 'ok'))).toHaveLength(3)
  })

  it('drops by id and keeps the list when the id is unknown', () => {
    const list = [toast('1'), toast('2')]
    expect(dropToast(list, '1').map((item) => item.id)).toEqual(['2'])
    expect(dropToast(list, 'nope')).toBe(list)
  })
})
