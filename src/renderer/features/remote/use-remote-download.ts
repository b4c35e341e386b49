import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { describeError } from '../../lib/describe-error'
import { call } from '../../lib/ipc'
import { useStores } from '../../stores/stores-context'
import { downloadRequests } from './download-requests'
import type { RemoteNotice } from './remote-notice'
import type { PickedRows } from './remote-row-selection'
import { walkRemoteFolder, type WalkedFolder } from './walk-remote-folder'

/**
 * Downloads files and whole folders of the account. Files are queued with what the listing says of
 * them (name, size, checksum), so no API call is needed to start them and each is verified. A folder
 * is walked one listing at a time and each of its folders goes to its own local folder under the
 * download folder, keeping the remote structure; when the download folder is the system's default
 * (which only the app knows), the user is asked where to put it.
 */
export function useRemoteDownload(setNotice: (notice: RemoteNotice | null) => void): {
  busy: boolean
  download(picked: PickedRows): Promise<void>
} {
  const { t } = useTranslation('remote')
  const { status } = useStores()
  const [busy, setBusy] = useState(false)

  const download = useCallback(
    async (picked: PickedRows) => {
      const { settings, app } = status.getState()
      let base = settings?.downloadDir ? settings.downloadDir : null
      setBusy(true)
      try {
        const first = picked.folders[0]
        if (first && base === null) {
          const answer = await call('dialog:pickFolder', {
            title: t('notices.pickFolder', { name: first.name }),
          })
          if (!answer.path) {
            setNotice({ tone: 'info', text: t('notices.needFolder'), action: 'settings' })
            return
          }
          base = answer.path
        }
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
        const requests = downloadRequests({
          files: picked.files,
          folders: walked,
          base,
          platform: app?.platform ?? 'linux',
        })
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
    [status, t, setNotice],
  )

  return { busy, download }
}
