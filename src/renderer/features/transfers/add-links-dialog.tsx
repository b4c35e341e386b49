import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { AddResult, LinkEntry } from '../../../shared/model/intake'
import { describeError } from '../../lib/describe-error'
import { call, transportKind } from '../../lib/ipc'
import { useItems, useStatus } from '../../stores/stores-context'
import { CheckedLinks, included, type LinkChoice } from './checked-links'
import { previewLinks } from './preview-links'
import { rejectionReason } from './rejection-reason'
import { useLinkChecks } from './use-link-checks'
import './transfers.css'

interface AddLinksDialogProps {
  open: boolean
  /** Text to start with (a paste outside a text field opens the dialog with it). */
  initialText: string
  onClose(): void
}

/** Paste 1fichier links (with any junk around them), then add them as downloads. */
export function AddLinksDialog({ open, initialText, onClose }: AddLinksDialogProps) {
  const { t } = useTranslation('transfers')
  /** A rejection reason in the interface's language (as written when it is not a known one). */
  const reasonText = (reason: string) => {
    const known = rejectionReason(reason)
    return known ? t(`rejected.${known.key}`, { ...known.values, defaultValue: reason }) : reason
  }
  const dialogRef = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const linksId = useId()
  const hintId = useId()
  const passwordHintId = useId()
  const destinationId = useId()
  const [text, setText] = useState(initialText)
  const [password, setPassword] = useState('')
  const [targetDir, setTargetDir] = useState('')
  const [start, setStart] = useState(true)
  const [busy, setBusy] = useState(false)
  const [picking, setPicking] = useState(false)
  const [result, setResult] = useState<AddResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  const defaultDir = useStatus((state) => state.settings?.downloadDir ?? '')
  const [choices, setChoices] = useState<ReadonlyMap<string, LinkChoice>>(() => new Map())

  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])

  // The preview follows typing at a lower priority, so a paste of hundreds of links stays responsive.
  const deferredText = useDeferredValue(text)
  const byId = useItems((state) => state.byId)
  const preview = useMemo(() => previewLinks(deferredText, Object.values(byId)), [deferredText, byId])
  const fileUrls = useMemo(() => preview.fileLinks.map((link) => link.url), [preview.fileLinks])
  const checks = useLinkChecks(fileUrls)
  const dead = preview.fileLinks.filter((link) => {
    const check = checks.get(link.url)
    return check?.kind === 'checked' && !included(check, choices.get(link.url))
  }).length
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const now = previewLinks(text, Object.values(byId))
      const links: LinkEntry[] = [
        ...now.fileLinks
          .filter((link) => included(checks.get(link.url), choices.get(link.url)))
          .map((link): LinkEntry => {
            const checked = checks.get(link.url)
            const own = choices.get(link.url)?.password ?? link.password
            const facts =
              checked?.kind === 'checked' && checked.check.state === 'online' ? checked.check : null
            return {
              url: link.url,
              ...(own ? { password: own } : {}),
              ...(facts?.name ? { name: facts.name } : {}),
              ...(facts?.size !== null && facts?.size !== undefined ? { size: facts.size } : {}),
            }
          }),
        ...now.folderLinks.map((link): LinkEntry => ({
          url: link.url,
          ...(link.password ? { password: link.password } : {}),
        })),
      ]
      // Links go as entries (with what the check learnt); duplicates and refused lines are reported from the
      // same parse, as the app would report them for the text.
      const sent: AddResult =
        links.length > 0
          ? await call('transfers:add', {
              kind: 'download',
              links,
              start,
              ...(password ? { password } : {}),
              ...(targetDir.trim() ? { targetDir: targetDir.trim() } : {}),
            })
          : { addedIds: [], duplicates: [], rejected: [] }
      const added: AddResult = {
        addedIds: sent.addedIds,
        duplicates: [...now.duplicates, ...sent.duplicates],
        rejected: [...now.rejected, ...sent.rejected],
      }
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

  /** The native folder picker; cancelling it keeps the folder shown. */
  const choose = async () => {
    setPicking(true)
    setError(null)
    try {
      const { path } = await call('dialog:pickFolder', { title: t('add.chooseTitle') })
      if (path !== null) setTargetDir(path)
    } catch (caught) {
      setError(describeError(caught))
    } finally {
      setPicking(false)
    }
  }

  const summary =
    preview.summary === 'toAdd'
      ? t('preview.toAdd', {
          files: t('preview.files', { count: preview.files }),
          folders: t('preview.folders', { count: preview.folders }),
        })
      : t(`preview.${preview.summary}`)
  return (
    <dialog ref={dialogRef} className="dialog add-links" aria-labelledby={titleId} onClose={onClose}>
      <form className="dialog__body" onSubmit={(event) => void submit(event)}>
        <h2 id={titleId}>{t('add.title')}</h2>
        <div className="field">
          <label className="field__label" htmlFor={linksId}>
            {t('add.links')}
          </label>
          <textarea
            id={linksId}
            aria-describedby={hintId}
            className="input input--area"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder={t('add.placeholder')}
            rows={8}
            autoFocus
          />
          <span id={hintId} className="field__hint" aria-live="polite">
            {summary}
          </span>
          {preview.total > 0 ? (
            <ul className="preview" aria-label={t('add.recognised')}>
              {preview.counts.map(({ unit, count, tone }) => (
                <li key={unit} className={`preview__count preview__count--${tone}`}>
                  <strong>{count}</strong> {t(`preview.unit.${unit}`, { count })}
                </li>
              ))}
            </ul>
          ) : null}
          <CheckedLinks
            links={preview.fileLinks}
            checks={checks}
            choices={choices}
            onChoice={(url, choice) => setChoices((current) => new Map(current).set(url, choice))}
          />
          {dead > 0 ? <p className="message message--warning">{t('check.dead', { count: dead })}</p> : null}
          {preview.rejected.length > 0 ? (
            <ul className="message__list preview__rejected" aria-label={t('add.rejected')}>
              {preview.rejected.slice(0, 50).map((rejected, index) => (
                <li key={index}>
                  <code>{rejected.line}</code> — {reasonText(rejected.reason)}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={destinationId}>
            {t('add.destination')}
          </label>
          <div className="add-links__folder">
            <input
              id={destinationId}
              className="input input--mono"
              value={targetDir}
              placeholder={defaultDir || t('add.destinationDefault')}
              spellCheck={false}
              onChange={(event) => setTargetDir(event.target.value)}
            />
            {transportKind() === 'electron' ? (
              <button
                type="button"
                className="button"
                aria-label={t('add.chooseLabel')}
                disabled={picking}
                onClick={() => void choose()}
              >
                {t('add.choose')}
              </button>
            ) : null}
          </div>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${passwordHintId}-input`}>
            {t('add.password')}
          </label>
          <input
            id={`${passwordHintId}-input`}
            className="input"
            type="password"
            value={password}
            autoComplete="off"
            aria-describedby={passwordHintId}
            onChange={(event) => setPassword(event.target.value)}
          />
          <span id={passwordHintId} className="field__hint">
            {t('add.passwordHint')}
          </span>
        </div>
        <label className="check">
          <input type="checkbox" checked={start} onChange={(event) => setStart(event.target.checked)} />
          {t('add.start')}
        </label>
        {error ? (
          <p className="message message--error" role="alert">
            {error}
          </p>
        ) : null}
        {result ? (
          <div className="message" role="status" aria-label={t('add.resultLabel')}>
            <p>
              {t('add.result', {
                added: result.addedIds.length,
                duplicates: result.duplicates.length,
                rejected: result.rejected.length,
              })}
            </p>
            {result.rejected.length > 0 ? (
              <ul className="message__list" aria-label={t('add.notAdded')}>
                {result.rejected.slice(0, 50).map((rejected, index) => (
                  <li key={index}>
                    <code>{rejected.line}</code> — {reasonText(rejected.reason)}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {result ? t('close', { ns: 'common' }) : t('cancel', { ns: 'common' })}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || text.trim() === ''}>
            {t('add.submit')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
