import { mkdir, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { downloadHarness, type JobOptions } from './download-harness'
import { type RunningEmulator } from '../../emulator/index'
import { syntheticBytes, syntheticWhirlpool } from '../../emulator/synthetic'
import { whirlpoolOfFile } from '../../../src/main/core/fichier/whirlpool'
import {
  type DownloadDeps,
  type DownloadRequest,
} from '../../../src/main/core/transfers/download/download-job'
import { bootIdentity } from '../../../src/main/core/transfers/download/boot-identity'
import { PartFile } from '../../../src/main/core/transfers/download/part-file'

const KEY = 'PartKeyPartKeyPartKeyPartKeyPa01'
const MiB = 1024 * 1024
const SIZE = 8 * MiB + 777

const harness = downloadHarness({ key: KEY, folderPrefix: 'fd-part-', idleTimeoutMs: 5000 })
let emulator: RunningEmulator
let dir: string
beforeEach(() => {
  emulator = harness.emulator
  dir = harness.dir
})

function job(request: Partial<DownloadRequest> & { link: string }, options: JobOptions = {}) {
  const { instance, events } = harness.job(request, options)
  return { instance, metas: events.metas }
}

/** Downloads about half of a file, then stops as a pause does; answers the part's path. */
async function halfDownloaded(link: string): Promise<string> {
  const controller = new AbortController()
  let seen = 0
  const first = job(
    { link },
    {
      signal: controller.signal,
      onBytes: (n) => {
        seen += n
        if (seen > SIZE / 2) controller.abort(new Error('paused'))
      },
    },
  )
  await expect(first.instance.run()).rejects.toThrow('paused')
  return first.metas[0]!.partPath
}

async function recorded(partPath: string): Promise<number> {
  const control = JSON.parse(await readFile(`${partPath}.json`, 'utf8')) as {
    written: Array<{ start: number; end: number }>
  }
  return control.written.reduce((sum, r) => sum + r.end - r.start, 0)
}

describe('a part file that is not what its record says', () => {
  it('downloads again the ranges of a deleted part whose record survived, ending byte-identical', async () => {
    const file = await emulator.control.createFile({
      key: KEY,
      name: 'gone.bin',
      synthetic: { size: SIZE, seed: 41 },
    })
    const partPath = await halfDownloaded(file.url)
    expect(await recorded(partPath)).toBeGreaterThan(SIZE / 3)
    await rm(partPath)

    emulator.control.resetStats()
    const outcome = await job({ link: file.url, partPath }).instance.run()
    expect(outcome).toMatchObject({ status: 'completed', name: 'gone.bin' })
    expect((await readFile(join(dir, 'gone.bin'))).equals(syntheticBytes(41, SIZE))).toBe(true)
    expect(emulator.control.stats().bytesServed).toBeGreaterThanOrEqual(SIZE)
    expect(await readdir(dir)).toEqual(['gone.bin'])
  })

  it('downloads again what a part cut short lacks, ending byte-identical', async () => {
    const file = await emulator.control.createFile({
      key: KEY,
      name: 'short.bin',
      synthetic: { size: SIZE, seed: 42 },
    })
    const partPath = await halfDownloaded(file.url)
    await truncate(partPath, MiB)

    const outcome = await job({ link: file.url, partPath }).instance.run()
    expect(outcome).toMatchObject({ status: 'completed', name: 'short.bin' })
    expect((await readFile(join(dir, 'short.bin'))).equals(syntheticBytes(42, SIZE))).toBe(true)
  })

  it('checks the length on disk before the rename: a part truncated at the end is not moved into place', async () => {
    const file = await emulator.control.createFile({
      key: KEY,
      name: 'cut.bin',
      synthetic: { size: SIZE, seed: 43 },
    })
    const checksum = await syntheticWhirlpool(43, SIZE)
    let cut = false
    // Another program truncates the part while its checksum is being read.
    const cutting: DownloadDeps['whirlpoolOfFile'] = async (path, signal) => {
      const hash = await whirlpoolOfFile(path, signal)
      if (!cut && path.endsWith('.part')) {
        cut = true
        await truncate(path, SIZE - 1000)
      }
      return hash
    }
    const first = job({ link: file.url, checksum }, { whirlpoolOfFile: cutting })
    await expect(first.instance.run()).rejects.toMatchObject({ code: 'SIZE_MISMATCH', retriable: true })
    expect((await readdir(dir)).sort()).toEqual(['cut.bin.part', 'cut.bin.part.json'])

    const partPath = first.metas[0]!.partPath
    emulator.control.resetStats()
    const outcome = await job({ link: file.url, partPath, checksum }).instance.run()
    expect(outcome).toMatchObject({ status: 'completed', name: 'cut.bin', verified: true })
    expect((await readFile(join(dir, 'cut.bin'))).equals(syntheticBytes(43, SIZE))).toBe(true)
    expect(emulator.control.stats().bytesServed).toBeLessThan(SIZE / 4)
  })

  it('checks a known checksum on a file found in place after a crash, and downloads it when it differs', async () => {
    const file = await emulator.control.createFile({
      key: KEY,
      name: 'placed.bin',
      synthetic: { size: SIZE, seed: 44 },
    })
    const checksum = await syntheticWhirlpool(44, SIZE)
    // The right name and size, other bytes: what a race with another download can leave.
    await writeFile(join(dir, 'placed.bin'), Buffer.alloc(SIZE))
    const partPath = join(dir, 'placed.bin.part')
    const outcome = await job({ link: file.url, partPath, expectedSize: SIZE, checksum }).instance.run()
    expect(outcome).toMatchObject({ status: 'completed', verified: true })
    if (outcome.status !== 'completed') throw new Error('not completed')
    expect(outcome.path).not.toBe(join(dir, 'placed.bin'))
    expect((await readFile(outcome.path)).equals(syntheticBytes(44, SIZE))).toBe(true)
  })

  it('stops every connection of a file at once when one of them fails for good', async () => {
    const file = await emulator.control.createFile({
      key: KEY,
      name: 'doomed.bin',
      synthetic: { size: SIZE, seed: 45 },
    })
    emulator.control.setSpeedCap(MiB)
    // Once the first connection is open, the next one is refused for good (HTTP 400).
    const doomed = job(
      { link: file.url },
      { onMeta: () => emulator.control.failNext({ path: 'download', status: 400 }) },
    )
    await expect(doomed.instance.run()).rejects.toMatchObject({ code: 'NODE_REFUSED', retriable: false })
    // The siblings would each have fetched their whole segment at 1 MiB/s.
    const stats = emulator.control.stats()
    expect(stats.bytesServed).toBeLessThan(SIZE / 4)
    expect(stats.activeConnections).toBe(0)
    const partPath = doomed.metas[0]!.partPath
    expect(await recorded(partPath)).toBeLessThanOrEqual(stats.bytesServed)
  })

  it('lets one process at a time write a part: the second gets PART_IN_USE and the first ends byte-identical', async () => {
    const file = await emulator.control.createFile({
      key: KEY,
      name: 'shared.bin',
      synthetic: { size: SIZE, seed: 46 },
    })
    // Slow enough that the first is still writing when the second gives up waiting for the lock.
    emulator.control.setSpeedCap(256 * 1024)
    let started!: () => void
    const firstStarted = new Promise<void>((resolve) => (started = resolve))
    const first = job({ link: file.url }, { onMeta: () => started() }).instance.run()
    await firstStarted
    const second = job({ link: file.url }).instance.run()
    await expect(second).rejects.toMatchObject({ code: 'PART_IN_USE', retriable: false })
    emulator.control.setSpeedCap(0)
    expect(await first).toMatchObject({ status: 'completed', name: 'shared.bin' })
    expect((await readFile(join(dir, 'shared.bin'))).equals(syntheticBytes(46, SIZE))).toBe(true)
    expect(await readdir(dir)).toEqual(['shared.bin'])
  }, 30_000)

  it('trusts ranges written without a sync only on the boot that wrote them', async () => {
    const partPath = join(dir, 'boot.bin.part')
    const meta = { link: 'https://1fichier.com/?bootbootboot', size: SIZE, etag: null, lastModified: null }
    const control = (boot: string) => ({
      version: 2,
      ...meta,
      ranges: [{ start: 0, end: MiB }],
      written: [{ start: 0, end: 3 * MiB }],
      boot,
    })
    const resumed = async (boot: string) => {
      await writeFile(partPath, syntheticBytes(47, 3 * MiB))
      await writeFile(`${partPath}.json`, JSON.stringify(control(boot)))
      const part = await PartFile.open(partPath, meta, true)
      const missing = part.missing()
      await part.close()
      return missing
    }
    // The same boot: the OS still holds what was written, even if the process was killed.
    expect(await resumed(await bootIdentity())).toEqual([{ start: 3 * MiB, end: SIZE }])
    // After a reboot only what was synced is sure to be there.
    expect(await resumed('id:00000000-0000-0000-0000-000000000000')).toEqual([{ start: MiB, end: SIZE }])
    // A record without a boot (an older version) is read for its synced ranges.
    const { written: _written, boot: _boot, ...older } = control('')
    await writeFile(`${partPath}.json`, JSON.stringify({ ...older, version: 1 }))
    const part = await PartFile.open(partPath, meta, true)
    expect(part.missing()).toEqual([{ start: MiB, end: SIZE }])
    await part.close()
  })
})

describe('two processes that want one file name (each with its own reservations)', () => {
  const twoFiles = async () => {
    const a = await emulator.control.createFile({
      key: KEY,
      name: 'twin.bin',
      synthetic: { size: SIZE, seed: 61 },
    })
    const b = await emulator.control.createFile({
      key: KEY,
      name: 'twin.bin',
      synthetic: { size: SIZE + 5, seed: 62 },
    })
    return { a, b }
  }

  it('resume the bytes another process left for the same link, on one connection as on several', async () => {
    for (const connections of [1, 4]) {
      const file = await emulator.control.createFile({
        key: KEY,
        name: `left-${connections}.bin`,
        synthetic: { size: SIZE, seed: 63 + connections },
      })
      await halfDownloaded(file.url)
      emulator.control.resetStats()
      // No record of the part in this queue: the download finds it by its name.
      const outcome = await job(
        { link: file.url, knownName: `left-${connections}.bin`, connections },
        { reserved: new Set() },
      ).instance.run()
      expect(outcome).toMatchObject({ status: 'completed', name: `left-${connections}.bin` })
      expect(
        (await readFile(join(dir, `left-${connections}.bin`))).equals(syntheticBytes(63 + connections, SIZE)),
      ).toBe(true)
      expect(emulator.control.stats().bytesServed).toBeLessThan(SIZE * 0.75)
    }
  })

  it('with rename, give two files byte-identical to their links, and leave nothing else', async () => {
    const { a, b } = await twoFiles()
    emulator.control.setSpeedCap(8 * MiB)
    const outcomes = await Promise.all([
      job({ link: a.url }, { reserved: new Set() }).instance.run(),
      job({ link: b.url }, { reserved: new Set() }).instance.run(),
    ])
    emulator.control.setSpeedCap(0)
    const paths = outcomes.map((outcome) => (outcome.status === 'completed' ? outcome.path : null))
    expect(new Set(paths).size).toBe(2)
    expect((await readFile(paths[0]!)).equals(syntheticBytes(61, SIZE))).toBe(true)
    expect((await readFile(paths[1]!)).equals(syntheticBytes(62, SIZE + 5))).toBe(true)
    expect((await readdir(dir)).sort()).toEqual(['twin (1).bin', 'twin.bin'])
  })

  it('with skip, leave the name to the one writing it: the other is told, and the file is that link’s', async () => {
    const { a, b } = await twoFiles()
    emulator.control.setSpeedCap(4 * MiB)
    let started: () => void = () => undefined
    const writing = new Promise<void>((resolve) => (started = resolve))
    const first = job({ link: a.url, conflict: 'skip' }, { reserved: new Set(), onMeta: () => started() })
    const firstRun = first.instance.run()
    await writing
    await expect(
      job({ link: b.url, conflict: 'skip' }, { reserved: new Set() }).instance.run(),
    ).rejects.toMatchObject({
      code: 'PART_IN_USE',
    })
    expect(await firstRun).toMatchObject({ status: 'completed', name: 'twin.bin' })
    emulator.control.setSpeedCap(0)
    expect((await readFile(join(dir, 'twin.bin'))).equals(syntheticBytes(61, SIZE))).toBe(true)
    expect(await readdir(dir)).toEqual(['twin.bin'])
  })

  it('never replace a file that took the name during the download, unless told to overwrite', async () => {
    const meta = { link: 'https://1fichier.com/?latecomer', size: 5, etag: null, lastModified: null }
    const partPath = join(dir, 'late.txt.part')
    const claim = await PartFile.claim(partPath, meta)
    if (!('part' in claim)) throw claim.busy
    await claim.part.write([Buffer.from('mine!')], 0)
    await writeFile(join(dir, 'late.txt'), 'theirs')
    expect(await claim.part.finalize(join(dir, 'late.txt'), { replace: false })).toBe(false)
    expect(await readFile(join(dir, 'late.txt'), 'utf8')).toBe('theirs')
    expect(await claim.part.finalize(join(dir, 'late (1).txt'), { replace: false })).toBe(true)
    expect(await readFile(join(dir, 'late (1).txt'), 'utf8')).toBe('mine!')
    expect((await readdir(dir)).sort()).toEqual(['late (1).txt', 'late.txt'])
  })

  it('leave a part holding another link’s bytes alone, and resume one holding this link’s', async () => {
    const partPath = join(dir, 'kept.bin.part')
    const meta = { link: 'https://1fichier.com/?owner', size: 4 * MiB, etag: '"e1"', lastModified: null }
    const owner = await PartFile.claim(partPath, meta)
    if (!('part' in owner)) throw owner.busy
    await owner.part.write([syntheticBytes(9, MiB)], 0)
    // While its owner writes it, nobody else may: this link or another.
    expect(await PartFile.claim(partPath, meta)).toMatchObject({
      sameLink: true,
      busy: { code: 'PART_IN_USE' },
    })
    await owner.part.close()

    const other = await PartFile.claim(partPath, { ...meta, link: 'https://1fichier.com/?intruder' })
    expect(other).toMatchObject({ sameLink: false, busy: { code: 'PART_IN_USE' } })
    expect((await readFile(partPath)).subarray(0, MiB).equals(syntheticBytes(9, MiB))).toBe(true)

    const again = await PartFile.claim(partPath, meta)
    if (!('part' in again)) throw again.busy
    expect(again.part.missing()).toEqual([{ start: MiB, end: 4 * MiB }])
    await again.part.close()
    // Another version of the same link (another size) starts over.
    const changed = await PartFile.claim(partPath, { ...meta, size: 5 * MiB })
    if (!('part' in changed)) throw changed.busy
    expect(changed.part.missing()).toEqual([{ start: 0, end: 5 * MiB }])
    await changed.part.close()
  })
})

describe('a symbolic link planted where a download writes', () => {
  /** A path outside what the download writes (in a folder of the test's own, removed with it). */
  const outside = async (content?: string) => {
    const folder = join(dir, 'elsewhere')
    await mkdir(folder, { recursive: true })
    const path = join(folder, 'precious.txt')
    if (content !== undefined) await writeFile(path, content)
    return path
  }
  const linkedFile = () =>
    emulator.control.createFile({ key: KEY, name: 'linked.bin', synthetic: { size: SIZE, seed: 47 } })

  it('at its part, pointing nowhere yet, is not written through: no file appears where it points', async () => {
    const target = await outside()
    const file = await linkedFile()
    await symlink(target, join(dir, 'linked.bin.part'))
    const run = job({ link: file.url }).instance.run()
    await expect(run).rejects.toMatchObject({ code: 'PART_IN_USE' })
    await expect(run).rejects.toThrow('linked.bin.part is a symbolic link')
    await expect(readFile(target)).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('at its part, pointing at a file, leaves both alone and downloads under the next free name', async () => {
    const victim = await outside('precious')
    const file = await linkedFile()
    await symlink(victim, join(dir, 'linked.bin.part'))
    const outcome = await job({ link: file.url }).instance.run()
    expect(outcome).toMatchObject({ status: 'completed' })
    const name = (outcome as { name: string }).name
    expect(name).not.toBe('linked.bin')
    expect((await readFile(join(dir, name))).equals(syntheticBytes(47, SIZE))).toBe(true)
    expect(await readFile(victim, 'utf8')).toBe('precious')
  })

  it('at its record’s temporary copy is not written through: the download says so, the file is untouched', async () => {
    const victim = await outside('precious')
    const file = await linkedFile()
    await symlink(victim, join(dir, 'linked.bin.part.json.tmp'))
    const run = job({ link: file.url }).instance.run()
    await expect(run).rejects.toMatchObject({ code: 'PART_IN_USE' })
    await expect(run).rejects.toThrow('linked.bin.part.json.tmp is a symbolic link')
    expect(await readFile(victim, 'utf8')).toBe('precious')
    expect(await readdir(dir)).not.toContain('linked.bin')
  })
})
