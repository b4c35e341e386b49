import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react'
import type { AddResult } from '../../../shared/model/intake'
import { describeError } from '../../lib/describe-error'
import { call } from '../../lib/ipc'
import { useItems } from '../../stores/stores-context'
import { previewLinks } from './preview-links'

interface AddLinksDialogProps {
  open: boolean
  /** Text to start with (a paste outside a text field opens the dialog with it). */
  initialText: string
  onClose(): void
}

/** Paste 1fichier links (with any junk around them), then add them as downloads. */
export function AddLinksDialog({ open, initialText, onClose }: AddLinksDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const linksId = useId()
  const hintId = useId()
  const [text, setText] = useState(initialText)
  const [password, setPassword] = useState('')
  const [start, setStart] = useState(true)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<AddResult | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const added = await call('transfers:add', {
        kind: 'download',
        text,
        start,
        ...(password ? { password } : {}),
      })
      setText('')
      if (added.rejected.length === 0 && added.duplicates.length === 0) {
        setResult(null)
        onClose()
      } else {
        setResult(added)
      }
    } catch (caught) {
      setError(describeError(caught))
    } finally {
      setBusy(false)
    }
  }

  // The preview follows typing at a lower priority, so a paste of hundreds of links stays responsive.
  const deferredText = useDeferredValue(text)
  const byId = useItems((state) => state.byId)
  const preview = useMemo(() => previewLinks(deferredText, Object.values(byId)), [deferredText, byId])
  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      <form className="dialog__body" onSubmit={(event) => void submit(event)}>
        <h2 id={titleId}>Add links</h2>
        <div className="field">
          <label className="field__label" htmlFor={linksId}>
            Links
          </label>
          <textarea
            id={linksId}
            aria-describedby={hintId}
            className="input input--area"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="https://1fichier.com/?abc123…  one or many, any text around them is ignored"
            rows={8}
            autoFocus
          />
          <span id={hintId} className="field__hint" aria-live="polite">
            {preview.summary}
          </span>
          {preview.total > 0 ? (
            <ul className="preview" aria-label="Links recognised">
              {preview.counts.map(({ label, count, tone }) => (
                <li key={label} className={`preview__count preview__count--${tone}`}>
                  <strong>{count}</strong> {label}
                </li>
              ))}
            </ul>
          ) : null}
          {preview.rejected.length > 0 ? (
            <ul className="message__list preview__rejected" aria-label="Lines not recognised">
              {preview.rejected.slice(0, 50).map((rejected, index) => (
                <li key={index}>
                  <code>{rejected.line}</code> — {rejected.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <label className="field">
          <span className="field__label">Password for protected links (optional)</span>
          <input
            className="input"
            type="password"
            value={password}
            autoComplete="off"
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={start} onChange={(event) => setStart(event.target.checked)} />
          Start now (otherwise queue them paused)
        </label>
        {error ? (
          <p className="message message--error" role="alert">
            {error}
          </p>
        ) : null}
        {result ? (
          <div className="message" role="status" aria-label="Add result">
            <p>
              Added {result.addedIds.length}, {result.duplicates.length} already in the queue,{' '}
              {result.rejected.length} not recognised.
            </p>
            {result.rejected.length > 0 ? (
              <ul className="message__list" aria-label="Lines not added">
                {result.rejected.slice(0, 50).map((rejected, index) => (
                  <li key={index}>
                    <code>{rejected.line}</code> — {rejected.reason}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {result ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || text.trim() === ''}>
            Add
          </button>
        </div>
      </form>
    </dialog>
  )
}
