import { useTranslation } from 'react-i18next'
import type { RemoteFolder } from '../../../shared/model/remote'
import type { PickedRows } from './remote-row-selection'

interface SelectionBarProps {
  picked: PickedRows
  downloading: boolean
  onDownload(): void
  onCopyLinks(): void
  onRename(): void
  onMove(): void
  /** Password, description, CDN and access rules of the selected files. */
  onOptions(): void
  onShare(folder: RemoteFolder): void
  onDelete(): void
}

/** What can be done with the checked rows; each action is enabled only when it applies. */
export function SelectionBar({
  picked,
  downloading,
  onDownload,
  onCopyLinks,
  onRename,
  onMove,
  onOptions,
  onShare,
  onDelete,
}: SelectionBarProps) {
  const { t } = useTranslation('remote')
  const count = picked.files.length + picked.folders.length
  const onlyFolder = count === 1 ? picked.folders[0] : undefined
  return (
    <div className="remote-selection" role="toolbar" aria-label={t('selectionToolbar')}>
      <span className="remote-selection__count" aria-live="polite">
        {count > 0 ? t('select.count', { count }) : t('select.none')}
      </span>
      <button type="button" className="button" disabled={count === 0 || downloading} onClick={onDownload}>
        {t('actions.download')}
      </button>
      <button type="button" className="button" disabled={picked.files.length === 0} onClick={onCopyLinks}>
        {t('actions.copyLinks')}
      </button>
      <button type="button" className="button" disabled={count !== 1} onClick={onRename}>
        {t('actions.rename')}
      </button>
      <button type="button" className="button" disabled={count === 0} onClick={onMove}>
        {t('actions.move')}
      </button>
      <button type="button" className="button" disabled={picked.files.length === 0} onClick={onOptions}>
        {t('actions.options')}
      </button>
      <button
        type="button"
        className="button"
        disabled={!onlyFolder}
        onClick={() => onlyFolder && onShare(onlyFolder)}
      >
        {t('actions.share')}
      </button>
      <button type="button" className="button button--danger" disabled={count === 0} onClick={onDelete}>
        {t('actions.delete')}
      </button>
    </div>
  )
}
