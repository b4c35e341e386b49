import { useCallback, useRef, useState } from 'react'
import { describeError } from '../../lib/describe-error'

/**
 * The state of a dialog's one command: `run` starts it unless one is already under way, marks the
 * dialog busy meanwhile, and keeps the failure's message in `error` (the dialog stays open, with
 * what the user typed).
 */
export function usePendingAction() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const running = useRef(false)
  const run = useCallback(<T>(action: () => Promise<T>, onDone?: (value: T) => void) => {
    if (running.current) return
    running.current = true
    setBusy(true)
    setError(null)
    action().then(
      (value) => {
        running.current = false
        setBusy(false)
        onDone?.(value)
      },
      (caught: unknown) => {
        running.current = false
        setBusy(false)
        setError(describeError(caught))
      },
    )
  }, [])
  return { busy, error, setError, run }
}
