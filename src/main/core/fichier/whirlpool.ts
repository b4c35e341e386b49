import { createReadStream } from 'node:fs'
import { createWhirlpool } from 'hash-wasm'

export interface WhirlpoolHasher {
  update(chunk: Uint8Array): void
  /** 128 lowercase hex digits, as 1fichier reports it. */
  digest(): string
}

/** A streaming Whirlpool (ISO/IEC 10118-3, the digest 1fichier uses as `checksum`). */
export async function createWhirlpoolHasher(): Promise<WhirlpoolHasher> {
  const hasher = await createWhirlpool()
  hasher.init()
  return {
    update: (chunk) => {
      hasher.update(chunk)
    },
    digest: () => hasher.digest('hex'),
  }
}

/** The Whirlpool of a file, read as a stream (flat memory for any size). */
export async function whirlpoolOfFile(path: string, signal?: AbortSignal): Promise<string> {
  const hasher = await createWhirlpoolHasher()
  const stream = createReadStream(path, { highWaterMark: 1 << 20, ...(signal ? { signal } : {}) })
  for await (const chunk of stream as AsyncIterable<Buffer>) hasher.update(chunk)
  return hasher.digest()
}
