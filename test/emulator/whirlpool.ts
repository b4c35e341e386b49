import { createWhirlpool } from 'hash-wasm'
import type { IHasher } from 'hash-wasm'

/** An incremental Whirlpool hasher (ISO/IEC 10118-3 final), 128 lowercase hex digits. */
export async function createWhirlpoolHasher(): Promise<IHasher> {
  const hasher = await createWhirlpool()
  hasher.init()
  return hasher
}

/** Whirlpool of a whole buffer or string. */
export async function whirlpool(data: Buffer | string): Promise<string> {
  const hasher = await createWhirlpoolHasher()
  hasher.update(data)
  return hasher.digest('hex')
}

/** Whirlpool of everything an async iterable of chunks yields. */
export async function whirlpoolOf(chunks: AsyncIterable<Buffer | Uint8Array>): Promise<string> {
  const hasher = await createWhirlpoolHasher()
  for await (const chunk of chunks) hasher.update(chunk)
  return hasher.digest('hex')
}
