import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { describeError } from '../../lib/describe-error'
import { call } from '../../lib/ipc'
import { downloadRequests } from './download-requests'
import type { RemoteNotice } from './remote-notice'
import type { PickedRows } from './remote-row-selection'
import { walkRemoteFolder, type WalkedFolder } from './walk-remote-folder'

/**
 * Downloads files and whole folders of the account. Files are queued with what the listing says of
 * them (name, size, checksum), so no API call is needed to start them and each is verified. A folder
 * is walked one listing at a time and each of its folders goes to its own folder inside the
 * download folder (named after the remote ones), keeping the remote structure.
 */
export function useRemoteDownload(setNotice: (notice: RemoteNotice | null) => void): {
  busy: boolean
  download(picked: PickedRows): Promise<void>
} {
  const { t } = useTranslation('remote')
  const [busy, setBusy] = useState(false)

  const download = useCallback(
    async (picked: PickedRows) => {
      setBusy(true)
      try {
        const walked: WalkedFolder[] = []
        for (const folder of picked.folders) {
          const before = walked.length
          const found = await walkRemoteFolder(
            (folderId) => call('remote:list', { folderId, refresh: false }),
            folder,
            (count) =>
              setNotice({ tone: 'info', text: t('notices.listingFolders', { count: before + count }) }),
          )
          walked.push(...found)
        }
        const requests = downloadRequests({ files: picked.files, folders: walked })
        if (requests.length === 0) {
          setNotice({ tone: 'info', text: t('notices.nothingToDownload') })
          return
        }
        let added = 0
        let skipped = 0
        for (const request of requests) {
          const result = await call('transfers:add', request)
          added += result.addedIds.length
          skipped += result.duplicates.length + result.rejected.length
        }
        const text = [
          t('notices.downloadsAdded', { count: added }),
          ...(skipped > 0 ? [t('notices.downloadsSkipped', { count: skipped })] : []),
        ].join(' ')
        setNotice({ tone: 'ok', text, action: 'transfers' })
      } catch (error) {
        setNotice({
          tone: 'error',
          text: t('notices.failed', { action: t('actions.download'), message: describeError(error) }),
        })
      } finally {
        setBusy(false)
      }
    },
    [t, setNotice],
  )

  return { busy, download }
}
