/** One message of the toast region. Errors stay until dismissed; the others fade after a while. */
export interface Toast {
  id: string
  kind: 'ok' | 'info' | 'error'
  /** What happened, already in the interface's language (or the app's own message for a failure). */
  message: string
  /** For a failure: what the user was doing, e.g. "Copy links"; shown as "<action> failed: <message>". */
  action?: string
  /** For a failure: the error code, which picks the advice on what to do next. */
  code?: string
  /** What to do next, when the caller knows better than the advice for `code`. */
  advice?: string
}

/** At most this many toasts are shown; the oldest go first. */
export const MAX_TOASTS = 4

/**
 * Adds `toast` at the end. The same message shown again (same kind, action and text) replaces the
 * older copy instead of stacking up.
 */
export function pushToast(list: readonly Toast[], toast: Toast, max: number = MAX_TOASTS): Toast[] {
  const kept = list.filter(
    (other) =>
      !(other.kind === toast.kind && other.message === toast.message && other.action === toast.action),
  )
  kept.push(toast)
  return kept.slice(-max)
}

export function dropToast(list: readonly Toast[], id: string): readonly Toast[] {
  return list.some((toast) => toast.id === id) ? list.filter((toast) => toast.id !== id) : list
}
