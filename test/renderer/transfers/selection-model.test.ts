import { describe, expect, it } from 'vitest'
import {
  clickIntent,
  clickSelection,
  EMPTY_SELECTION,
  pruneSelection,
  selectAll,
  selectedInOrder,
  stepSelection,
  type SelectionState,
} from '../../../src/renderer/features/transfers/selection-model'

const order = ['a', 'b', 'c', 'd', 'e']
const ids = (state: SelectionState) => selectedInOrder(state, order)

describe('the transfer list selection', () => {
  it('reads the intent of a click from its modifiers, Cmd on macOS and Ctrl elsewhere', () => {
    const none = { ctrlKey: false, metaKey: false, shiftKey: false }
    expect(clickIntent(none, false)).toBe('replace')
    expect(clickIntent({ ...none, ctrlKey: true }, false)).toBe('toggle')
    expect(clickIntent({ ...none, metaKey: true }, false)).toBe('replace')
    expect(clickIntent({ ...none, metaKey: true }, true)).toBe('toggle')
    expect(clickIntent({ ...none, ctrlKey: true }, true)).toBe('replace')
    expect(clickIntent({ ...none, shiftKey: true, ctrlKey: true }, false)).toBe('range')
  })

  it('selects one row on a plain click, toggles with Ctrl, and extends a range with Shift', () => {
    let state = clickSelection(EMPTY_SELECTION, 'b', order, 'replace')
    expect(ids(state)).toEqual(['b'])
    state = clickSelection(state, 'd', order, 'toggle')
    expect(ids(state)).toEqual(['b', 'd'])
    state = clickSelection(state, 'b', order, 'toggle')
    expect(ids(state)).toEqual(['d'])
    expect(state.anchor).toBe('b')
    // The range runs from the anchor (the last row clicked without Shift), in either direction.
    state = clickSelection(state, 'e', order, 'range')
    expect(ids(state)).toEqual(['b', 'c', 'd', 'e'])
    state = clickSelection(state, 'a', order, 'range')
    expect(ids(state)).toEqual(['a', 'b'])
    expect(state.anchor).toBe('b')
    expect(state.lead).toBe('a')
    state = clickSelection(state, 'c', order, 'replace')
    expect(ids(state)).toEqual(['c'])
  })

  it('starts a Shift range at the clicked row when there is no anchor yet', () => {
    expect(ids(clickSelection(EMPTY_SELECTION, 'c', order, 'range'))).toEqual(['c'])
  })

  it('selects all rows shown and moves with the arrows, extending with Shift', () => {
    expect(ids(selectAll(order))).toEqual(order)
    let state = stepSelection(EMPTY_SELECTION, order, 1, false)
    expect(ids(state)).toEqual(['a'])
    state = stepSelection(state, order, 1, false)
    expect(ids(state)).toEqual(['b'])
    state = stepSelection(state, order, 1, true)
    state = stepSelection(state, order, 1, true)
    expect(ids(state)).toEqual(['b', 'c', 'd'])
    state = stepSelection(state, order, -1, true)
    expect(ids(state)).toEqual(['b', 'c'])
    // The ends hold.
    expect(ids(stepSelection(clickSelection(state, 'e', order, 'replace'), order, 1, false))).toEqual(['e'])
    expect(ids(stepSelection(EMPTY_SELECTION, order, -1, false))).toEqual(['e'])
    expect(stepSelection(EMPTY_SELECTION, [], 1, false)).toBe(EMPTY_SELECTION)
  })

  it('forgets rows that are no longer shown, and keeps the same state when nothing changed', () => {
    const state = clickSelection(clickSelection(EMPTY_SELECTION, 'b', order, 'replace'), 'd', order, 'range')
    expect(pruneSelection(state, order)).toBe(state)
    const pruned = pruneSelection(state, ['a', 'c', 'e'])
    expect([...pruned.selected]).toEqual(['c'])
    expect(pruned.anchor).toBeNull()
    expect(pruned.lead).toBeNull()
    expect(pruneSelection(EMPTY_SELECTION, [])).toBe(EMPTY_SELECTION)
  })
})
