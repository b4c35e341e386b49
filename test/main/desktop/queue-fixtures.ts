import type { TransferStatus, TransferView } from '../../../src/shared/model/transfer'
import { EMPTY_COUNTS, type QueueSummary } from '../../../src/main/app/queue-summary'

/** A summary with the given counts (others zero) and, optionally, speeds and bytes. */
export function summary(
  counts: Partial<Record<TransferStatus, number>>,
  extra: Partial<Omit<QueueSummary, 'counts'>> = {},
): QueueSummary {
  return {
    counts: { ...EMPTY_COUNTS, ...counts },
    downSpeed: 0,
    upSpeed: 0,
    bytesDone: 0,
    bytesTotal: 0,
    ...extra,
  }
}

let order = 0

/** A transfer view as the engine publishes it. */
export function view(id: string, status: TransferStatus, extra: Partial<TransferView> = {}): TransferView {
  order += 1
  return {
    id,
    kind: 'download',
    source: `https://1fichier.com/?${id.padEnd(8, 'x')}`,
    target: '/downloads',
    name: `${id}.bin`,
    status,
    bytesDone: 0,
    bytesTotal: null,
    attempts: 0,
    createdAt: 0,
    order,
    ...extra,
  }
}
