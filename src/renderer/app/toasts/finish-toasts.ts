import type { TFunction } from 'i18next'
import type { TransferKind } from '../../../shared/model/transfer'
import type { AppStores } from '../../stores/app-stores'
import { showToast } from './toast-center'

const KIND_KEY: Record<TransferKind, 'download' | 'upload' | 'remoteUpload'> = {
  download: 'download',
  upload: 'upload',
  'remote-upload': 'remoteUpload',
}

/**
 * In a browser there are no desktop notifications: a transfer that finishes or fails while the
 * page watches is told in a toast instead (when the Notifications setting is on). Only changes
 * seen here count, not what a snapshot finds already finished. Returns the disposer.
 */
export function toastFinishedTransfers(stores: AppStores, t: TFunction<'desktop'>): () => void {
  return stores.items.subscribe((next, previous) => {
    if (next.byId === previous.byId) return
    if (stores.status.getState().settings?.notifications === false) return
    for (const id of next.ids) {
      const item = next.byId[id]
      const before = previous.byId[id]
      if (!item || !before || item === before || before.status === item.status) continue
      const kind = KIND_KEY[item.kind]
      if (item.status === 'completed') {
        showToast({
          kind: 'ok',
          message: `${t(`notify.completed.${kind}`, { count: 1 })}: ${item.name}`,
        })
      } else if (item.status === 'failed') {
        showToast({
          kind: 'error',
          message: `${t(`notify.failed.${kind}`, { count: 1 })}: ${t('notify.failure', { name: item.name, error: item.error?.message ?? '' })}`,
        })
      }
    }
  })
}
