/**
 * Which rows of the transfer list are selected, as a file manager does it: a click selects one row,
 * Ctrl/Cmd+click toggles one, Shift+click selects the range from the anchor, arrows move the lead.
 * Pure: every function returns a new state (or the same one when nothing changed).
 */
export interface SelectionState {
  selected: ReadonlySet<string>
  /** Where a Shift range starts: the last row clicked without Shift. */
  anchor: string | null
  /** The row the keyboard is on: the last row clicked or reached with an arrow. */
  lead: string | null
}

export const EMPTY_SELECTION: SelectionState = { selected: new Set(), anchor: null, lead: null }

/** How a click on a row changes the selection. */
export type ClickIntent = 'replace' | 'toggle' | 'range'

/** The intent of a click from its modifier keys (Cmd on macOS, Ctrl elsewhere). */
export function clickIntent(
  modifiers: { ctrlKey: boolean; metaKey: boolean; shiftKey: boolean },
  mac: boolean,
): ClickIntent {
  if (modifiers.shiftKey) return 'range'
  if (mac ? modifiers.metaKey : modifiers.ctrlKey) return 'toggle'
  return 'replace'
}

function between(order: readonly string[], from: string, to: string): Set<string> | null {
  const start = order.indexOf(from)
  const end = order.indexOf(to)
  if (start < 0 || end < 0) return null
  const [low, high] = start <= end ? [start, end] : [end, start]
  return new Set(order.slice(low, high + 1))
}

/** The selection after a click on `id`, `order` being the rows as shown. */
export function clickSelection(
  state: SelectionState,
  id: string,
  order: readonly string[],
  intent: ClickIntent,
): SelectionState {
  switch (intent) {
    case 'replace':
      return { selected: new Set([id]), anchor: id, lead: id }
    case 'toggle': {
      const selected = new Set(state.selected)
      if (selected.has(id)) selected.delete(id)
      else selected.add(id)
      return { selected, anchor: id, lead: id }
    }
    case 'range': {
      const range = state.anchor ? between(order, state.anchor, id) : null
      if (!range) return { selected: new Set([id]), anchor: id, lead: id }
      return { selected: range, anchor: state.anchor, lead: id }
    }
  }
}

/** Every row shown. */
export function selectAll(order: readonly string[]): SelectionState {
  return { selected: new Set(order), anchor: order[0] ?? null, lead: order[0] ?? null }
}

/**
 * Moves the lead one row up (`-1`) or down (`1`) and selects it; with `extend`, selects the range
 * from the anchor instead (Shift+arrow). Without a lead, starts at the first or last row.
 */
export function stepSelection(
  state: SelectionState,
  order: readonly string[],
  delta: -1 | 1,
  extend: boolean,
): SelectionState {
  if (order.length === 0) return state
  const at = state.lead === null ? -1 : order.indexOf(state.lead)
  const next =
    at < 0 ? (delta === 1 ? 0 : order.length - 1) : Math.min(order.length - 1, Math.max(0, at + delta))
  const id = order[next]
  if (id === undefined) return state
  if (extend && state.anchor !== null) {
    const range = between(order, state.anchor, id)
    if (range) return { selected: range, anchor: state.anchor, lead: id }
  }
  return { selected: new Set([id]), anchor: id, lead: id }
}

/** Forgets rows that are no longer shown (removed, or hidden by a filter). */
export function pruneSelection(state: SelectionState, order: readonly string[]): SelectionState {
  if (state.selected.size === 0 && state.anchor === null && state.lead === null) return state
  const shown = new Set(order)
  let changed = false
  const selected = new Set<string>()
  for (const id of state.selected) {
    if (shown.has(id)) selected.add(id)
    else changed = true
  }
  const anchor = state.anchor !== null && shown.has(state.anchor) ? state.anchor : null
  const lead = state.lead !== null && shown.has(state.lead) ? state.lead : null
  if (!changed && anchor === state.anchor && lead === state.lead) return state
  return { selected, anchor, lead }
}

/** The selected ids in the order they are shown. */
export function selectedInOrder(state: SelectionState, order: readonly string[]): string[] {
  if (state.selected.size === 0) return []
  return order.filter((id) => state.selected.has(id))
}
