import { join } from 'node:path'
import { QueueStore } from '../core/queue/queue-store'
import { TransferRecord } from '../core/transfers/transfer-record'

/**
 * Readies the state folder's queue for one command, before the engine sees it: items an earlier
 * command finished (completed, canceled) are dropped, and unfinished ones are parked as `paused`, so
 * that only what this command asks for runs. A command that asks again for a parked item resumes it
 * from its `.part` file.
 */
export async function prepareQueue(stateDir: string, log: (message: string) => void): Promise<void> {
  const { store, items } = await QueueStore.open(join(stateDir, 'queue'), {
    schema: TransferRecord,
    onCorrupt: (problem) => log(`queue: ${JSON.stringify(problem)}`),
  })
  try {
    const finished = items.filter((item) => item.status === 'completed' || item.status === 'canceled')
    const parked = items
      .filter((item) => item.status === 'queued' || item.status === 'active' || item.status === 'retrying')
      .map((item) => ({ ...item, status: 'paused' as const }))
    await store.remove(finished.map((item) => item.id))
    await store.putMany(parked)
  } finally {
    await store.close()
  }
}
