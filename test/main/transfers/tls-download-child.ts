// Downloads over HTTPS in a process of its own, so that it can trust a test certificate
// (NODE_EXTRA_CA_CERTS is read at start-up). argv: <apiUrl> <key> <dir> <connections> <link> <seed> <size>
// Prints "done <json>": the job's outcome, whether the file is byte-identical to the synthetic one,
// and whether a body read over TLS into a slow sink kept every block intact.
import { readFile } from 'node:fs/promises'
import { FichierClient } from '../../../src/main/core/fichier/fichier-client'
import { systemClock } from '../../../src/main/core/lib/clock'
import { whirlpoolOfFile } from '../../../src/main/core/fichier/whirlpool'
import { ConnectionBudget } from '../../../src/main/core/transfers/download/connection-budget'
import { DirectBody } from '../../../src/main/core/transfers/download/direct-body'
import { DownloadJob } from '../../../src/main/core/transfers/download/download-job'
import { openBody } from '../../../src/main/core/transfers/download/open-body'
import { TokenBucket } from '../../../src/main/core/transfers/token-bucket'
import { syntheticBytes } from '../../emulator/synthetic'

const [apiUrl, key, dir, connections, link, seed, size] = process.argv.slice(2)
if (!apiUrl || !key || !dir || !connections || !link || !seed || !size)
  throw new Error('usage: see the header')
const expected = syntheticBytes(Number(seed), Number(size))

const client = new FichierClient({ baseUrl: apiUrl, getKey: () => key, callsPerSecond: 100 })
const tokenFor = async (of: string, signal: AbortSignal) => (await client.downloadToken(of, { signal })).url

const outcome = await new DownloadJob(
  { link, dir, conflict: 'rename', connections: Number(connections), minSegment: 256 * 1024 },
  {
    clock: systemClock,
    budget: new ConnectionBudget(30),
    limiter: new TokenBucket(0, systemClock),
    tokenFor: (of, _password, signal) => tokenFor(of, signal),
    whirlpoolOfFile,
    reserved: new Set(),
  },
  { onMeta: () => undefined, onBytes: () => undefined },
  new AbortController().signal,
).run()
const identical = outcome.status === 'completed' && (await readFile(outcome.path)).equals(expected)

// The same bytes read straight into a sink whose writes are slow: TLS may still deliver records
// after the connection pauses, and none may land in a block being written.
const response = await openBody(await tokenFor(link, new AbortController().signal), {
  headers: {},
  signal: new AbortController().signal,
  connectTimeoutMs: 5000,
  responseTimeoutMs: 5000,
})
const direct = response.body instanceof DirectBody
const target = Buffer.alloc(expected.length)
let next = 0
let intact = true
if (response.body instanceof DirectBody) {
  await response.body.pipe({
    take: (bytes) => bytes,
    wantsMore: () => true,
    throttle: () => null,
    write: async (block) => {
      const copy = Buffer.from(block)
      const at = next
      next += block.length
      await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 8))
      if (!copy.equals(block)) intact = false
      copy.copy(target, at)
    },
  })
}
client.close()
console.log(
  `done ${JSON.stringify({ status: outcome.status, identical, direct, intact, piped: target.equals(expected) })}`,
)
