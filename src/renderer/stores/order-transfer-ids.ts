import type { TransferView } from '../../shared/model/transfer'

/** Queue order: `order` ascending, then creation time, then id, so equal keys never shuffle. */
export function orderTransferIds(byId: Readonly<Record<string, TransferView>>): string[] {
  return Object.values(byId)
    .sort(
      (a, b) => a.order - b.order || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .map((item) => item.id)
}
