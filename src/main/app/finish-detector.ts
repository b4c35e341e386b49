import type { TransferStatus, TransferView } from '../../shared/model/transfer'
import type { FinishedTransfer } from './notification-batcher'

/**
 * Turns lifecycle batches into "just finished" facts: an item counts when it reaches `completed` or
 * `failed` from any other status (or is first seen there after the snapshot). Items already finished
 * in the snapshot, and canceled ones, never count.
 */
export class FinishDetector {
  readonly #status = new Map<string, TransferStatus>()

  seed(items: Iterable<TransferView>): void {
    this.#status.clear()
    for (const item of items) this.#status.set(item.id, item.status)
  }

  observe(upserts: readonly TransferView[], removedIds: readonly string[] = []): FinishedTransfer[] {
    const finished: FinishedTransfer[] = []
    for (const item of upserts) {
      const before = this.#status.get(item.id)
      this.#status.set(item.id, item.status)
      if (before === item.status) continue
      if (item.status === 'completed' || item.status === 'failed') {
        finished.push({
          id: item.id,
          kind: item.kind,
          name: item.name,
          outcome: item.status,
          ...(item.status === 'failed' && item.error ? { error: item.error.message } : {}),
        })
      }
    }
    for (const id of removedIds) this.#status.delete(id)
    return finished
  }
}
