import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../lib/ipc'
import { RemoteDialog } from './remote-dialog'
import { MAX_REMOTE_URLS, parseRemoteHeaders, parseRemoteUploadUrls } from './remote-upload-urls'
import { usePendingAction } from './use-pending-action'

/**
 * Asks 1fichier to fetch URLs into `folder` (a remote upload): paste the URLs, see which were understood,
 * then add them to the transfers, where their state and, once fetched, their links appear.
 */
export function RemoteUploadDialog({
  folder,
  onAdded,
  onCancel,
}: {
  folder: { id: number; name: string }
  onAdded(count: number): void
  onCancel(): void
}) {
  const { t } = useTranslation('remote')
  const [text, setText] = useState('')
  const [headerText, setHeaderText] = useState('')
  const typedHeaders = useMemo(() => parseRemoteHeaders(headerText), [headerText])
  const { busy, error, setError, run } = usePendingAction()
  const parsed = useMemo(() => parseRemoteUploadUrls(text), [text])
  const tooMany = parsed.urls.length > MAX_REMOTE_URLS

  const submit = () => {
    if (parsed.urls.length === 0) {
      setError(t('remoteUpload.none'))
      return
    }
    if (tooMany || typedHeaders.invalid.length > 0) return
    const headers = typedHeaders.headers
    run(
      () =>
        call('transfers:add', {
          kind: 'remote-upload',
          urls: parsed.urls,
          folderId: folder.id,
          ...(Object.keys(headers).length > 0 ? { headers } : {}),
        }),
      (result) => onAdded(result.addedIds.length),
    )
  }

  return (
    <RemoteDialog
      title={t('remoteUpload.title', { name: folder.name })}
      onCancel={onCancel}
      onSubmit={submit}
      error={error}
      wide
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            {t('cancel', { ns: 'common' })}
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || parsed.urls.length === 0 || tooMany || typedHeaders.invalid.length > 0}
          >
            {t('remoteUpload.confirm', { count: parsed.urls.length })}
          </button>
        </>
      }
    >
      <p className="field__hint">{t('remoteUpload.intro')}</p>
      <label className="field">
        <span className="field__label">{t('remoteUpload.label')}</span>
        <textarea
          className="input input--mono"
          rows={6}
          spellCheck={false}
          data-autofocus
          value={text}
          placeholder="https://example.org/archive.zip"
          onChange={(event) => {
            setText(event.target.value)
            setError(null)
          }}
        />
      </label>
      <p className="field__hint" role="status">
        {t('remoteUpload.found', { count: parsed.urls.length })}
        {parsed.refused.length > 0
          ? ` ${t('remoteUpload.refused', { list: parsed.refused.join(', ') })}`
          : ''}
      </p>
      <label className="field">
        <span className="field__label">{t('remoteUpload.headers')}</span>
        <textarea
          className="input input--mono"
          rows={2}
          spellCheck={false}
          value={headerText}
          placeholder="Cookie: session=abc123"
          onChange={(event) => setHeaderText(event.target.value)}
        />
        <span className="field__hint">{t('remoteUpload.headersHint')}</span>
      </label>
      {typedHeaders.invalid.length > 0 ? (
        <p className="message message--warning" role="alert">
          {t('remoteUpload.badHeaders', { list: typedHeaders.invalid.join(' · ') })}
        </p>
      ) : null}
      {tooMany ? (
        <p className="message message--warning">{t('remoteUpload.tooMany', { max: MAX_REMOTE_URLS })}</p>
      ) : null}
    </RemoteDialog>
  )
}
