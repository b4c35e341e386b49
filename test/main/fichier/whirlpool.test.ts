import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createWhirlpoolHasher, whirlpoolOfFile } from '../../../src/main/core/fichier/whirlpool'

const EMPTY =
  '19fa61d75522a4669b44e39c1d2e1726c530232130d407f89afee0964997f7a73e83be698b288febcf88e3e03c4f0757ea8964e59b63d93708b138cc42a66eb3'
const ABC =
  '4e2448a4c6f486bb16b6562c73b4020bf3043e3a731bce721ae1b303d97e6d4c7181eebdb6c57e277d0e34957114cbd6c797fc9d95d8b582d225292076d4eef5'

describe('whirlpool', () => {
  it('matches the two reference vectors, fed in pieces', async () => {
    const empty = await createWhirlpoolHasher()
    expect(empty.digest()).toBe(EMPTY)
    const abc = await createWhirlpoolHasher()
    abc.update(Buffer.from('a'))
    abc.update(Buffer.from('bc'))
    expect(abc.digest()).toBe(ABC)
  })

  it('hashes a file as a stream', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'whirlpool-'))
    try {
      writeFileSync(join(dir, 'abc'), 'abc')
      writeFileSync(join(dir, 'empty'), '')
      expect(await whirlpoolOfFile(join(dir, 'abc'))).toBe(ABC)
      expect(await whirlpoolOfFile(join(dir, 'empty'))).toBe(EMPTY)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
