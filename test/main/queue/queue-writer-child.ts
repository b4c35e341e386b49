/**
 * Writes items into the queue in `argv[2]` as fast as it can, several in flight at a time, and
 * prints the number of each put once it is acknowledged, until it is killed.
 */
import { QueueStore } from '../../../src/main/core/queue/queue-store'
import { queueItem } from './queue-item'

const dir = process.argv[2]
if (!dir) throw new Error('usage: queue-writer-child <dir>')
const { store } = await QueueStore.open(dir, { compactEvery: 64 })
let next = 0
const writer = async () => {
  for (;;) {
    const n = next++
    await store.put(queueItem(n, { name: `file-${n}-${'x'.repeat(n % 50)}.bin` }))
    process.stdout.write(`${n}\n`)
  }
}
await Promise.all([writer(), writer(), writer(), writer(), writer(), writer()])
