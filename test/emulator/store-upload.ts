import { createWriteStream, rmSync } from 'node:fs'
import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { pipeline } from 'node:stream/promises'
import { newFileId } from './ids'
import type { FileRecord } from './records'
import type { EmulatorRuntime } from './runtime'
import { createWhirlpoolHasher } from './whirlpool'

export interface ReceivedBytes {
  blob: string
  size: number
  checksum: string
}

/** Streams bytes to a new blob (never held in memory), hashing them on the way. */
export async function receiveBytes(
  rt: EmulatorRuntime,
  source: Readable | AsyncIterable<Uint8Array>,
): Promise<ReceivedBytes> {
  const blob = `${newFileId()}.bin`
  const path = rt.store.blobPath(blob)
  const hasher = await createWhirlpoolHasher()
  let size = 0
  try {
    await pipeline(
      source,
      async function* (chunks: AsyncIterable<Uint8Array>) {
        for await (const chunk of chunks) {
          hasher.update(chunk)
          size += chunk.length
          yield chunk
        }
      },
      createWriteStream(path),
    )
  } catch (error) {
    rmSync(path, { force: true })
    throw error
  }
  return { blob, size, checksum: hasher.digest('hex') }
}

export interface StoreTarget {
  owner: string | null
  folderId: number
  name: string
  domain?: number
  pass?: string
}

/** Stores a stream as a new file of `target.owner`. */
export async function storeFromStream(
  rt: EmulatorRuntime,
  source: Readable | WebReadableStream<Uint8Array> | globalThis.ReadableStream<Uint8Array>,
  target: StoreTarget,
): Promise<FileRecord> {
  const readable =
    source instanceof Readable ? source : Readable.fromWeb(source as WebReadableStream<Uint8Array>)
  const received = await receiveBytes(rt, readable)
  const file = rt.store.addFile({
    ...target,
    size: received.size,
    content: { kind: 'stored', blob: received.blob },
    checksum: received.checksum,
  })
  rt.store.save()
  return file
}
