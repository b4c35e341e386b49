import { z } from 'zod'
import { TransferStatus, type TransferView } from '../../shared/model/transfer'

/**
 * The status the command line reports for one item: the transfer's own, except that an item that
 * ended without moving a byte because its file was already there is `skipped`, never `completed`.
 */
export const ItemStatus = z.union([TransferStatus, z.literal('skipped')])
export type ItemStatus = z.infer<typeof ItemStatus>

export function itemStatus(view: TransferView): ItemStatus {
  return view.status === 'completed' && view.skipped === true ? 'skipped' : view.status
}
