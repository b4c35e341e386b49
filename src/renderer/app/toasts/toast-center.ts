import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import { describeError } from '../../lib/describe-error'
import { IpcCallError } from '../../lib/ipc-call-error'
import { dropToast, pushToast, type Toast } from './toast-list'

/** How long a success or information toast stays. */
const FADE_MS = 6000

const store = createStore<readonly Toast[]>()(() => [])
let nextId = 1

/** Shows a toast from anywhere in the renderer; returns its id. `ok` and `info` fade by themselves. */
export function showToast(input: Omit<Toast, 'id'>): string {
  const id = `toast-${nextId++}`
  store.setState(pushToast(store.getState(), { ...input, id }), true)
  if (input.kind !== 'error') setTimeout(() => dismissToast(id), FADE_MS)
  return id
}

/**
 * Shows what failed and what to do: `action` names what the user tried (in the interface's language),
 * the message and the code come from the error (the code picks the advice shown under it).
 */
export function showFailure(action: string, error: unknown, advice?: string): string {
  return showToast({
    kind: 'error',
    action,
    message: describeError(error),
    ...(error instanceof IpcCallError ? { code: error.code } : {}),
    ...(advice ? { advice } : {}),
  })
}

export function dismissToast(id: string): void {
  const current = store.getState()
  const next = dropToast(current, id)
  if (next !== current) store.setState(next, true)
}

/** The toasts shown now, oldest first. */
export function useToasts(): readonly Toast[] {
  return useStore(store)
}
