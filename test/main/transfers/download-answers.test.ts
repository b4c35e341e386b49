import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { downloadHarness } from './download-harness'
import { type RunningEmulator } from '../../emulator/index'
import { syntheticBytes, syntheticWhirlpool } from '../../emulator/synthetic'
import { type Clock } from '../../../src/main/core/lib/clock'
import { ConnectionBudget } from '../../../src/main/core/transfers/download/connection-budget'
import { PROCESSING_NOTE } from '../../../src/main/core/transfers/download/processing-wait'
import { TransferFailureError } from '../../../src/main/core/transfers/transfer-failure'

const KEY = 'AnswerKeyAnswerKeyAnswerKeyAns01'
const MiB = 1024 * 1024
const SIZE = 6 * MiB + 4321

// The emulator's defaults, fresh-upload delay included: only the API rate limits are off.
const harness = downloadHarness({
  key: KEY,
  folderPrefix: 'fd-answers-',
  beforeEachTest: (running) => running.control.setMaxConnections(30),
})
let emulator: RunningEmulator
let dir: string
beforeEach(() => {
  emulator = harness.emulator
  dir = harness.dir
})

/** Time that moves only by the waits the job asks for: two minutes of patience pass at once. */
function hastyClock(): Clock {
  let now = Date.now()
  return {
    now: () => now,
    sleep: (ms, signal) =>
      new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason)
        now += ms
        setImmediate(resolve)
      }),
  }
}

const job = harness.job

async function synthetic(name: string, seed: number) {
  return emulator.control.createFile({ key: KEY, name, synthetic: { size: SIZE, seed } })
}

/** Downloads about half of the file with one connection, then stops: answers the part's path. */
async function halfDownloaded(link: string): Promise<string> {
  const controller = new AbortController()
  let seen = 0
  const first = job(
    { link, connections: 1 },
    {
      signal: controller.signal,
      onBytes: (n) => {
        seen += n
        if (seen > SIZE / 2) controller.abort(new Error('paused'))
      },
    },
  )
  await expect(first.instance.run()).rejects.toThrow('paused')
  return first.events.metas[0]!.partPath
}

describe('a 200 that is not the file', () => {
  it.each(['too-fast', 'maintenance', 'redirect-db', 'vpn'] as const)(
    'never writes the %s page: backs off and gets the file',
    async (kind) => {
      const file = await synthetic(`page-${kind}.bin`, 3)
      emulator.control.htmlPageNext({ kind })
      const { instance, events } = job({ link: file.url })
      const outcome = await instance.run()
      expect(outcome).toMatchObject({ status: 'completed', name: `page-${kind}.bin`, size: SIZE })
      expect((await readFile(join(dir, `page-${kind}.bin`))).equals(syntheticBytes(3, SIZE))).toBe(true)
      expect(events.metas).toHaveLength(1)
      expect(events.restarts).toBe(0)
    },
  )

  it('keeps the part when a resumed request gets a page or a 200 of another length', async () => {
    const file = await synthetic('kept.bin', 4)
    const partPath = await halfDownloaded(file.url)
    const kept = await readFile(`${partPath}.json`, 'utf8')
    emulator.control.failNext({
      path: 'download',
      status: 200,
      body: 'not the file',
      headers: { 'Content-Type': 'application/octet-stream' },
    })
    emulator.control.htmlPageNext({ kind: 'maintenance' })
    emulator.control.resetStats()
    const second = job({ link: file.url, connections: 1, partPath })
    const outcome = await second.instance.run()
    expect(outcome.status).toBe('completed')
    expect(second.events.restarts).toBe(0)
    expect((await readFile(join(dir, 'kept.bin'))).equals(syntheticBytes(4, SIZE))).toBe(true)
    const ranges = (JSON.parse(kept) as { ranges: Array<{ start: number; end: number }> }).ranges
    const had = ranges.reduce((sum, r) => sum + r.end - r.start, 0)
    expect(emulator.control.stats().bytesServed).toBe(SIZE - had)
  })

  it('fails clearly, keeping nothing wrong on disk, when only pages come', async () => {
    const file = await synthetic('pages-only.bin', 5)
    emulator.control.htmlPageNext({ kind: 'too-fast', times: 100 })
    const { instance } = job({ link: file.url }, { clock: hastyClock() })
    const error = await instance.run().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TransferFailureError)
    expect(error).toMatchObject({ code: 'NOT_THE_FILE', retriable: true })
    expect((error as Error).message).toMatch(/web page instead of the file/)
    expect(await readdir(dir)).toEqual([])
  })
})

describe('an unknown refusal of get_token', () => {
  it('is tried again with backoff, not taken as the end of the download', async () => {
    const file = await synthetic('odd-answer.bin', 8)
    const unknown = { status: 'KO', message: 'Something new happened #999' }
    emulator.control.failNext({ path: '/v1/download/get_token.cgi', status: 403, body: unknown })
    const { instance } = job({ link: file.url })
    expect(await instance.run()).toMatchObject({ status: 'completed', size: SIZE })
    expect(emulator.control.stats().requests['/v1/download/get_token.cgi']).toBe(2)

    emulator.control.failNext({ path: '/v1/download/get_token.cgi', status: 403, body: unknown, times: 100 })
    const again = job({ link: file.url, conflict: 'overwrite' }, { clock: hastyClock() })
    const error = await again.instance.run().catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'NODE_REFUSED', retriable: true })
    expect((error as Error).message).toMatch(/Something new happened #999.*tried again later/)
  })
})

describe('a fresh upload', () => {
  it('is downloaded once 1fichier has processed it, saying so meanwhile (default delay)', async () => {
    const source = join(dir, 'fresh-source.txt')
    await writeFile(source, 'uploaded a moment ago')
    const uploaded = await harness.client.upload({ path: source })
    const target = join(dir, 'out')
    const { instance, events } = job({ link: uploaded.link, dir: target })
    const { mkdir } = await import('node:fs/promises')
    await mkdir(target)
    const outcome = await instance.run()
    expect(outcome).toMatchObject({ status: 'completed', name: 'fresh-source.txt' })
    expect(await readFile(join(target, 'fresh-source.txt'), 'utf8')).toBe('uploaded a moment ago')
    expect(events.notes).toEqual([PROCESSING_NOTE, null])
    expect(emulator.control.stats().tokensIssued).toBeGreaterThanOrEqual(1)
  })

  it('gives up after about two minutes with a retriable failure, not a permanent one', async () => {
    emulator.control.setSwitches({ freshUploadDelayMs: 60 * 60_000 })
    try {
      const source = join(dir, 'slow-source.txt')
      await writeFile(source, 'still processing')
      const uploaded = await harness.client.upload({ path: source })
      const tokenCalls = () => emulator.control.stats().requests['/v1/download/get_token.cgi'] ?? 0
      const before = tokenCalls()
      const { instance, events } = job({ link: uploaded.link }, { clock: hastyClock() })
      const error = await instance.run().catch((e: unknown) => e)
      expect(error).toMatchObject({ code: 'NOT_READY', retriable: true })
      expect((error as Error).message).toMatch(/still processing this file/)
      expect(events.notes).toEqual([PROCESSING_NOTE])
      // This job's own calls: a bounded backoff over two minutes, not a tight loop.
      const calls = tokenCalls() - before
      expect(calls).toBeGreaterThan(3)
      expect(calls).toBeLessThan(20)
    } finally {
      emulator.control.setSwitches({ freshUploadDelayMs: 3000 })
    }
  })
})

describe('ETags across download nodes', () => {
  it('resumes on another node without If-Range, checked by Content-Range and Whirlpool', async () => {
    const file = await synthetic('nodes.bin', 6)
    const partPath = await halfDownloaded(file.url)
    emulator.control.resetStats()
    const second = job({
      link: file.url,
      connections: 1,
      partPath,
      checksum: await syntheticWhirlpool(6, SIZE),
    })
    const outcome = await second.instance.run()
    expect(outcome).toMatchObject({ status: 'completed', verified: true })
    expect(second.events.restarts).toBe(0)
    const stats = emulator.control.stats()
    expect(stats.tokensIssued).toBe(1)
    expect(stats.downloadStatuses[200]).toBeUndefined()
    expect(stats.bytesServed).toBeLessThan(SIZE)
  })
})

describe('a refused connection is a cap', () => {
  it('goes on with the connections allowed and lowers the account budget', async () => {
    const file = await synthetic('capped.bin', 7)
    emulator.control.setMaxConnections(1)
    // Slow enough that the connections overlap.
    emulator.control.setSpeedCap(8 * MiB)
    const budget = new ConnectionBudget(30)
    const { instance, events } = job({ link: file.url, connections: 4 }, { budget })
    const outcome = await instance.run()
    expect(outcome).toMatchObject({ status: 'completed', size: SIZE })
    expect((await readFile(join(dir, 'capped.bin'))).equals(syntheticBytes(7, SIZE))).toBe(true)
    expect(events.restarts).toBe(0)
    expect(emulator.control.stats().refusedConnections).toBeGreaterThan(0)
    expect(budget.limit).toBe(1)
  })
})
