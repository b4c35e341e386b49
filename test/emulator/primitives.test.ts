import { describe, expect, it } from 'vitest'
import { parseRange } from './byte-range'
import { parisTime, parseParisTime } from './paris-time'
import { syntheticBytes, syntheticStream, syntheticWhirlpool, SYNTHETIC_BLOCK } from './synthetic'
import { whirlpool } from './whirlpool'

describe('whirlpool', () => {
  it('matches the two ISO/OpenSSL test vectors', async () => {
    expect(await whirlpool('')).toBe(
      '19fa61d75522a4669b44e39c1d2e1726c530232130d407f89afee0964997f7a73e83be698b288febcf88e3e03c4f0757ea8964e59b63d93708b138cc42a66eb3',
    )
    expect(await whirlpool('abc')).toBe(
      '4e2448a4c6f486bb16b6562c73b4020bf3043e3a731bce721ae1b303d97e6d4c7181eebdb6c57e277d0e34957114cbd6c797fc9d95d8b582d225292076d4eef5',
    )
  })
})

describe('synthetic bytes', () => {
  const size = 3 * SYNTHETIC_BLOCK + 1234

  it('are deterministic per seed and differ between seeds', () => {
    expect(syntheticBytes(7, size).equals(syntheticBytes(7, size))).toBe(true)
    expect(syntheticBytes(7, 4096).equals(syntheticBytes(8, 4096))).toBe(false)
  })

  it('serve any range as the same bytes as the whole file', () => {
    const whole = syntheticBytes(42, size)
    expect(whole.length).toBe(size)
    for (const [start, end] of [
      [0, 1],
      [SYNTHETIC_BLOCK - 3, SYNTHETIC_BLOCK + 5],
      [1000, size],
      [size - 1, size],
      [5, 5],
    ] as const) {
      expect(syntheticBytes(42, size, start, end).equals(whole.subarray(start, end))).toBe(true)
    }
  })

  it('never repeat a block inside a file', () => {
    const whole = syntheticBytes(1, 4 * SYNTHETIC_BLOCK)
    const blocks = new Set(
      [0, 1, 2, 3].map((b) => whole.subarray(b * SYNTHETIC_BLOCK, (b + 1) * SYNTHETIC_BLOCK).toString('hex')),
    )
    expect(blocks.size).toBe(4)
  })

  it('stream and checksum agree with the bytes', async () => {
    const chunks: Buffer[] = []
    for await (const chunk of syntheticStream(9, size, 10, size - 10)) chunks.push(chunk as Buffer)
    expect(Buffer.concat(chunks).equals(syntheticBytes(9, size, 10, size - 10))).toBe(true)
    expect(await syntheticWhirlpool(9, size)).toBe(await whirlpool(syntheticBytes(9, size)))
  })
})

describe('paris time', () => {
  it('prints CET in winter and CEST in summer, without a zone', () => {
    expect(parisTime(Date.UTC(2021, 5, 22, 12, 57, 25))).toBe('2021-06-22 14:57:25')
    expect(parisTime(Date.UTC(2026, 0, 5, 23, 30, 0))).toBe('2026-01-06 00:30:00')
    expect(parseParisTime('2021-06-22 14:57:25')).toBe(Date.UTC(2021, 5, 22, 12, 57, 25))
  })
})

describe('range header', () => {
  it('reads single ranges and refuses unsatisfiable ones', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 })
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 })
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 })
    expect(parseRange('bytes=-500', 100)).toEqual({ start: 0, end: 99 })
    expect(parseRange('bytes=50-5000', 100)).toEqual({ start: 50, end: 99 })
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable')
    expect(parseRange('bytes=-0', 100)).toBe('unsatisfiable')
    expect(parseRange('bytes=0-1,5-6', 100)).toBeUndefined()
    expect(parseRange('items=0-1', 100)).toBeUndefined()
  })
})
