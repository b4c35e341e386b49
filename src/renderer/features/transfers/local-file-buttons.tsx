import { useTranslation } from 'react-i18next'
import type { TransferView } from '../../../shared/model/transfer'
import { transportKind } from '../../lib/ipc'
import { localActionsFor } from './local-file-action'
import { LocalFileIcon } from './local-file-icon'
import { openLocalFile } from './open-local-file'

/** "Open" and "Show in folder" for one transfer, as small icon buttons (none for a remote upload). */
export function LocalFileButtons({ item }: { item: Pick<TransferView, 'id' | 'kind' | 'name' | 'status'> }) {
  const { t } = useTranslation('transfers')
  // A browser page runs on another machine than the files: nothing to open or show there.
  if (transportKind() === 'web') return null
  return localActionsFor(item).map((action) => (
    <button
      key={action}
      type="button"
      className="button button--small button--icon"
      aria-label={t(`localFile.${action}`, { name: item.name })}
      title={t(`actions.${action}`)}
      onClick={() => void openLocalFile(item, action, t)}
    >
      <LocalFileIcon action={action} />
    </button>
  ))
}
