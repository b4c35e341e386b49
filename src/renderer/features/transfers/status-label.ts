import type { TransferStatus } from '../../../shared/model/transfer'

export const STATUS_LABELS: Record<TransferStatus, string> = {
  queued: 'Queued',
  active: 'Active',
  retrying: 'Retrying',
  paused: 'Paused',
  completed: 'Done',
  failed: 'Failed',
  canceled: 'Canceled',
}
