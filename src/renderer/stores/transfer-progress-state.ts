import type { TransferProgress, TransferTotals } from '../../shared/model/transfer'

/** The hot part: one entry per active transfer, replaced at every tick. */
export interface TransferProgressState {
  byId: Readonly<Record<string, TransferProgress>>
  totals: TransferTotals
  /** Time of the last tick (epoch ms), 0 before the first. */
  at: number
}

export const EMPTY_TRANSFER_PROGRESS: TransferProgressState = {
  byId: {},
  totals: {
    downSpeed: 0,
    upSpeed: 0,
    counts: { queued: 0, active: 0, retrying: 0, paused: 0, completed: 0, failed: 0, canceled: 0 },
    eta: null,
  },
  at: 0,
}
