import { useEffect, useId, useRef, type ReactNode } from 'react'

interface RemoteDialogProps {
  title: string
  /** Escape, the Cancel button and closing by the platform all land here. */
  onCancel(): void
  /** Enter in a field, or the submit button. */
  onSubmit(): void
  children: ReactNode
  /** The buttons at the bottom; the confirming one is `type="submit"`. */
  actions: ReactNode
  /** Why the last attempt failed, shown above the buttons. */
  error?: string | null
  wide?: boolean
}

/**
 * A modal dialog of the Remote files view, open while mounted. The element marked `data-autofocus`
 * (else the first control) takes the focus, with its text selected when it is a field.
 */
export function RemoteDialog({
  title,
  onCancel,
  onSubmit,
  children,
  actions,
  error,
  wide,
}: RemoteDialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const cancelRef = useRef(onCancel)
  useEffect(() => {
    cancelRef.current = onCancel
  }, [onCancel])

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (!dialog.open) dialog.showModal()
    const first = dialog.querySelector<HTMLElement>('[data-autofocus]')
    if (first) {
      first.focus()
      if (first instanceof HTMLInputElement) first.select()
    }
    return () => {
      if (dialog.open) dialog.close()
    }
  }, [])

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog remote-dialog remote-dialog--wide' : 'dialog remote-dialog'}
      aria-labelledby={titleId}
      aria-modal="true"
      onCancel={(event) => {
        event.preventDefault()
        cancelRef.current()
      }}
    >
      <form
        className="dialog__body"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          onSubmit()
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
        {error ? (
          <p className="message message--error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog__actions">{actions}</div>
      </form>
    </dialog>
  )
}
