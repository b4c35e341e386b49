import { join } from 'node:path'
import { QueueStore } from '../core/queue/queue-store'
import { TransferRecord } from '../core/transfers/transfer-record'

const DONE = new Set(['completed', 'canceled'])

/**
 * Readies the state folder's queue for one command, before the engine sees it: items an earlier
 * command finished (completed, canceled) are dropped — completed ones only once nothing is left
 * unfinished, so that a command run again after an interruption knows what it already did — and
 * unfinished ones are parked as `paused`, so
 * that only what this command asks for runs. A command that asks again for a parked item resumes it
 * from its `.part` file.
 */
export async function prepareQueue(stateDir: string, log: (message: string) => void): Promise<void> {
  const { store, items } = await QueueStore.open(join(stateDir, 'queue'), {
    schema: TransferRecord,
    onCorrupt: (problem) => log(`queue: ${JSON.stringify(problem)}`),
  })
  try {
    // While a command has work left (interrupted, or some items failed), what it already did stays
    // known, so that running it again neither sends a file twice nor takes its own files for strangers.
    const interrupted = items.some((item) => !DONE.has(item.status))
    const finished = items.filter(
      (item) => item.status === 'canceled' || (item.status === 'completed' && !interrupted),
    )
    const parked = items
      .filter((item) => item.status === 'queued' || item.status === 'active' || item.status === 'retrying')
      .map((item) => ({ ...item, status: 'paused' as const }))
    await store.remove(finished.map((item) => item.id))
    await store.putMany(parked)
  } finally {
    await store.close()
  }
}
