import { z } from 'zod'
import type { TransferView } from '../../../shared/model/transfer'

/** What can be done with a transfer's file on this computer: open it, or show it in its folder. */
export const LocalFileAction = z.enum(['open', 'reveal'])
export type LocalFileAction = z.infer<typeof LocalFileAction>

/**
 * The local-file actions a transfer offers: a finished download can be opened and shown, an
 * unfinished one shows its folder, an upload shows its source; a remote upload has no local file.
 */
export function localActionsFor(item: Pick<TransferView, 'kind' | 'status'>): LocalFileAction[] {
  if (item.kind === 'download') return item.status === 'completed' ? ['open', 'reveal'] : ['reveal']
  if (item.kind === 'upload') return ['reveal']
  return []
}
