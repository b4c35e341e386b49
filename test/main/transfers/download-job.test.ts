import { spawnSync } from 'node:child_process'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { downloadHarness } from './download-harness'
import { type RunningEmulator } from '../../emulator/index'
import { syntheticBytes, syntheticWhirlpool } from '../../emulator/synthetic'
import { type DownloadRequest } from '../../../src/main/core/transfers/download/download-job'
import { TransferFailureError } from '../../../src/main/core/transfers/transfer-failure'

const canMakeDevices = process.platform === 'linux' && process.getuid?.() === 0
if (!canMakeDevices) {
  console.warn('download-job: the DISK_FULL test is skipped: making a full-disk device node takes root.')
}

const KEY = 'JobKeyJobKeyJobKeyJobKeyJobKey01'
const MiB = 1024 * 1024
const SIZE = 12 * MiB + 12_345

const harness = downloadHarness({ key: KEY, folderPrefix: 'fd-download-' })
let emulator: RunningEmulator
let dir: string
beforeEach(() => {
  emulator = harness.emulator
  dir = harness.dir
})

function job(
  request: Partial<DownloadRequest> & { link: string },
  signal = new AbortController().signal,
  onBytes?: (n: number) => void,
) {
  return harness.job(request, { signal, ...(onBytes ? { onBytes } : {}) })
}

async function synthetic(name: string, seed: number, size = SIZE) {
  return emulator.control.createFile({ key: KEY, name, synthetic: { size, seed } })
}

describe('DownloadJob against the emulator', () => {
  it.each([1, 4, 16])('downloads a file byte-identical with %i connection(s)', async (connections) => {
    const file = await synthetic('movie.mkv', connections)
    const { instance } = job({ link: file.url, connections })
    const outcome = await instance.run()
    expect(outcome).toMatchObject({ status: 'completed', name: 'movie.mkv', size: SIZE })
    const data = await readFile(join(dir, 'movie.mkv'))
    expect(data.equals(syntheticBytes(connections, SIZE))).toBe(true)
    expect(await readdir(dir)).toEqual(['movie.mkv'])
    const stats = emulator.control.stats()
    if (connections === 1) expect(stats.bytesServed).toBe(SIZE)
    // When a free connection takes over the tail of a busy one, what the server had already pushed
    // into the busy connection's socket past the hand-off point is read twice: bounded, never zero-sum.
    else expect(stats.bytesServed - SIZE).toBeLessThan(SIZE * 0.25)
    expect(stats.peakConnections).toBeLessThanOrEqual(connections)
    expect(stats.tokensIssued).toBe(1)
  })

  it('verifies the Whirlpool checksum when one is known', async () => {
    const file = await synthetic('checked.bin', 7, 3 * MiB)
    const checksum = await syntheticWhirlpool(7, 3 * MiB)
    const good = await job({ link: file.url, checksum }).instance.run()
    expect(good).toMatchObject({ status: 'completed', verified: true })

    const bad = job({ link: file.url, checksum: '0'.repeat(128) })
    await expect(bad.instance.run()).rejects.toMatchObject({ code: 'CHECKSUM_MISMATCH', retriable: true })
    expect(bad.events.restarts).toBe(1)
    expect((await readdir(dir)).filter((name) => name.includes('.part'))).toEqual([])
  })

  it('resumes after a pause, fetching only the missing bytes', async () => {
    const file = await synthetic('resume.bin', 11)
    const controller = new AbortController()
    let seen = 0
    const first = job({ link: file.url, connections: 4 }, controller.signal, (n) => {
      seen += n
      if (seen > SIZE / 2) controller.abort(new Error('paused'))
    })
    await expect(first.instance.run()).rejects.toThrow('paused')
    const partPath = first.events.metas[0]!.partPath
    const onDisk = JSON.parse(await readFile(`${partPath}.json`, 'utf8')) as {
      ranges: Array<{ start: number; end: number }>
    }
    const kept = onDisk.ranges.reduce((sum, r) => sum + r.end - r.start, 0)
    expect(kept).toBeGreaterThan(SIZE / 3)

    emulator.control.resetStats()
    // With 4 MiB minimum segments no tail hand-off can happen here, so the count is exact.
    const second = job({ link: file.url, connections: 4, partPath, minSegment: 4 * MiB })
    const outcome = await second.instance.run()
    expect(outcome.status).toBe('completed')
    expect((await readFile(join(dir, 'resume.bin'))).equals(syntheticBytes(11, SIZE))).toBe(true)
    expect(emulator.control.stats().bytesServed).toBe(SIZE - kept)
  })

  it('survives an expired token, resets, 5xx answers and short bodies', async () => {
    const file = await synthetic('rough.bin', 21)
    emulator.control.resetDownloadAfter(2 * MiB, 2)
    emulator.control.failNext({ path: 'download', times: 2, status: 503 })
    emulator.control.wrongLengthNext({ times: 1 })
    let expired = false
    const { instance } = job({ link: file.url, connections: 4 }, undefined, () => {
      if (!expired) {
        expired = true
        emulator.control.expireAllTokens()
      }
    })
    const outcome = await instance.run()
    expect(outcome.status).toBe('completed')
    expect((await readFile(join(dir, 'rough.bin'))).equals(syntheticBytes(21, SIZE))).toBe(true)
    expect(emulator.control.stats().tokensIssued).toBeGreaterThanOrEqual(2)
  })

  it('keeps malicious names inside the target folder', async () => {
    const names = [
      '../../escape.txt',
      'CON.txt',
      'a/b\\c.txt',
      'nul\u0000byte.txt',
      `${'long'.repeat(80)}.txt`,
    ]
    for (const [index, name] of names.entries()) {
      const file = await emulator.control.createFile({ key: KEY, name, content: `file ${index}` })
      const outcome = await job({ link: file.url }).instance.run()
      expect(outcome.status).toBe('completed')
      expect(outcome.path.startsWith(`${dir}/`)).toBe(true)
      expect(outcome.path.slice(dir.length + 1)).not.toMatch(/[/\\]/)
      expect(outcome.path).not.toContain('\u0000')
      expect(await readFile(outcome.path, 'utf8')).toBe(`file ${index}`)
    }
    expect(await readdir(dir)).toHaveLength(names.length)
    await expect(stat(join(dir, '..', 'escape.txt'))).rejects.toThrow()
  })

  it('numbers a name already taken, or skips it when asked', async () => {
    const file = await emulator.control.createFile({ key: KEY, name: 'same.txt', content: 'new' })
    await job({ link: file.url }).instance.run()
    const renamed = await job({ link: file.url }).instance.run()
    expect(renamed).toMatchObject({ status: 'completed', name: 'same (1).txt' })
    const skipped = await job({ link: file.url, conflict: 'skip' }).instance.run()
    expect(skipped).toMatchObject({ status: 'skipped', name: 'same.txt' })
  })

  // The kernel's full device (/dev/full) answers every write with ENOSPC, as a full disk does. A part
  // file is never opened through a symbolic link, so the test makes the part that device itself, which
  // takes root (CAP_MKNOD); CI runs as root.
  it.skipIf(!canMakeDevices)(
    'stops with DISK_FULL and keeps the part file when the disk is full',
    async () => {
      const file = await synthetic('full.bin', 5, 2 * MiB)
      const made = spawnSync('mknod', [join(dir, 'full.bin.part'), 'c', '1', '7'], { encoding: 'utf8' })
      expect(made.status, made.stderr).toBe(0)
      const { instance } = job({ link: file.url, partPath: join(dir, 'full.bin.part') })
      const error = await instance.run().catch((e: unknown) => e)
      expect(error).toBeInstanceOf(TransferFailureError)
      expect(error).toMatchObject({ code: 'DISK_FULL', retriable: false })
      expect((await readdir(dir)).sort()).toContain('full.bin.part')
    },
  )

  it('refuses to start when the file cannot fit on the disk', async () => {
    const file = await synthetic('huge.bin', 3, 2 ** 50)
    const error = await job({ link: file.url })
      .instance.run()
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'DISK_FULL' })
    expect(await readdir(dir)).toEqual([])
  })

  it('recognises a file already moved into place when the crash came before it was recorded', async () => {
    const file = await synthetic('landed.bin', 8, MiB)
    const done = await job({ link: file.url }).instance.run()
    expect(done.status).toBe('completed')
    emulator.control.resetStats()
    const again = await job({
      link: file.url,
      partPath: join(dir, 'landed.bin.part'),
      expectedSize: MiB,
    }).instance.run()
    expect(again).toMatchObject({ status: 'completed', name: 'landed.bin', size: MiB })
    expect(emulator.control.stats().bytesServed).toBe(0)
    expect(await readdir(dir)).toEqual(['landed.bin'])
  })
})
