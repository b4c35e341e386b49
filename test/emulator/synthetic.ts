import { Readable } from 'node:stream'
import { createWhirlpoolHasher } from './whirlpool'

/**
 * Deterministic bytes of any length, served by range without storing them.
 *
 * The content is cut into 64 KiB blocks. Block `b` is a window of a seed-derived pattern (a prime-length
 * pseudo-random buffer) starting at an offset that depends on `b`, and its first 4 bytes hold `b` mixed
 * with the seed, so no two blocks of a file are equal and a byte written at the wrong offset is noticed.
 */
export const SYNTHETIC_BLOCK = 65_536
const PATTERN_PERIOD = 1_000_003

const patterns = new Map<number, Buffer>()

function patternFor(seed: number): Buffer {
  const cached = patterns.get(seed)
  if (cached) return cached
  const buffer = Buffer.allocUnsafe(Math.ceil((PATTERN_PERIOD + SYNTHETIC_BLOCK) / 4) * 4)
  let x = (seed ^ 0x9e3779b9) >>> 0 || 0x1234567
  for (let i = 0; i < buffer.length; i += 4) {
    x ^= x << 13
    x >>>= 0
    x ^= x >>> 17
    x ^= x << 5
    x >>>= 0
    buffer.writeUInt32LE(x, i)
  }
  if (patterns.size > 16) patterns.clear()
  patterns.set(seed, buffer)
  return buffer
}

function normalizeSeed(seed: number): number {
  return Math.trunc(seed) >>> 0
}

/** Writes the bytes `[from, to)` of block `index` into `target` at `at`. */
function writeBlock(seed: number, index: number, from: number, to: number, target: Buffer, at: number): void {
  const pattern = patternFor(seed)
  const offset = (index * 2_654_435_761 + seed) % PATTERN_PERIOD
  pattern.copy(target, at, offset + from, offset + to)
  // The first 4 bytes of each block carry its index, mixed with the seed.
  if (from < 4) {
    const header = Buffer.allocUnsafe(4)
    header.writeUInt32LE((index ^ seed ^ 0x5bd1e995) >>> 0, 0)
    header.copy(target, at, from, Math.min(4, to))
  }
}

const CHUNK = 4 * SYNTHETIC_BLOCK

/** Yields the bytes `[start, end)` of the synthetic file `(seed, size)` in chunks of at most 256 KiB. */
export function* syntheticChunks(seedInput: number, size: number, start = 0, end = size): Generator<Buffer> {
  const seed = normalizeSeed(seedInput)
  const stop = Math.min(end, size)
  let position = Math.max(0, start)
  while (position < stop) {
    const length = Math.min(CHUNK, stop - position)
    const out = Buffer.allocUnsafe(length)
    let filled = 0
    while (filled < length) {
      const index = Math.floor((position + filled) / SYNTHETIC_BLOCK)
      const from = position + filled - index * SYNTHETIC_BLOCK
      const to = Math.min(SYNTHETIC_BLOCK, from + (length - filled))
      writeBlock(seed, index, from, to, out, filled)
      filled += to - from
    }
    yield out
    position += length
  }
}

/** The bytes `[start, end)` (end exclusive, clamped to `size`) of the synthetic file `(seed, size)`. */
export function syntheticBytes(seed: number, size: number, start = 0, end = size): Buffer {
  return Buffer.concat([...syntheticChunks(seed, size, start, end)])
}

/** A readable stream of the bytes `[start, end)` of the synthetic file `(seed, size)`. */
export function syntheticStream(seed: number, size: number, start = 0, end = size): Readable {
  return Readable.from(syntheticChunks(seed, size, start, end), { objectMode: false })
}

const checksums = new Map<string, Promise<string>>()

/** Whirlpool of the whole synthetic file (computed once per process, then cached). */
export function syntheticWhirlpool(seedInput: number, size: number): Promise<string> {
  const seed = normalizeSeed(seedInput)
  const cacheKey = `${seed}:${size}`
  let pending = checksums.get(cacheKey)
  if (!pending) {
    pending = (async () => {
      const hasher = await createWhirlpoolHasher()
      let sinceYield = 0
      for (const chunk of syntheticChunks(seed, size)) {
        hasher.update(chunk)
        sinceYield += chunk.length
        // Let the server keep answering while a big checksum is computed.
        if (sinceYield >= 16 * SYNTHETIC_BLOCK) {
          sinceYield = 0
          await new Promise((resolve) => setImmediate(resolve))
        }
      }
      return hasher.digest('hex')
    })()
    checksums.set(cacheKey, pending)
    pending.catch(() => checksums.delete(cacheKey))
  }
  return pending
}
