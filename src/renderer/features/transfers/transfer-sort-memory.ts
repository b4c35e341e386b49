import { QUEUE_ORDER, type TransferSort } from './transfer-sort'

let remembered: TransferSort = QUEUE_ORDER

/** The order chosen for the Transfers view, kept for as long as the window lives (not saved). */
export const transferSortMemory = {
  get(): TransferSort {
    return remembered
  },
  set(sort: TransferSort): void {
    remembered = sort
  },
}
