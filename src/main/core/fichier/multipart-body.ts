import { FormDataEncoder } from 'form-data-encoder'
import type { FileLike, FormDataLike } from 'form-data-encoder'

export interface MultipartFile {
  name: string
  size: number
  /** The file's bytes, read when the body is sent. */
  stream: () => AsyncIterable<Uint8Array>
}

export interface MultipartBody {
  contentType: string
  contentLength: number
  /** The body, file bytes streamed; `onFileBytes` sees each file chunk before it is yielded. */
  chunks(onFileBytes?: (chunk: Uint8Array) => Promise<void> | void): AsyncGenerator<Uint8Array>
}

const PART_CONTENT_TYPE = /\r\nContent-Type: [^\r\n]*/

/** A minimal FormData holding text fields and one file, in insertion order. */
class UploadForm implements FormDataLike {
  readonly #entries: Array<[string, string | FileLike]> = []
  readonly [Symbol.toStringTag] = 'FormData'

  append(name: string, value: unknown): void {
    this.#entries.push([name, value as string | FileLike])
  }
  getAll(name: string): Array<string | FileLike> {
    return this.#entries.filter(([key]) => key === name).map(([, value]) => value)
  }
  *entries(): IterableIterator<[string, string | FileLike]> {
    yield* this.#entries
  }
  [Symbol.iterator](): IterableIterator<[string, string | FileLike]> {
    return this.entries()
  }
}

/**
 * The multipart body 1fichier's upload nodes accept (as rclone sends it): `did` first, then
 * `file[]`, quoted names, unquoted boundary, no Content-Type on any part, exact Content-Length.
 * form-data-encoder frames and escapes the parts; the part Content-Type it always writes is removed.
 */
export function createMultipartBody(
  fields: ReadonlyArray<[string, string]>,
  file: MultipartFile,
): MultipartBody {
  const fileLike: FileLike = {
    name: file.name,
    type: '',
    size: file.size,
    lastModified: 0,
    stream: () => file.stream() as unknown as ReadableStream<Uint8Array>,
    [Symbol.toStringTag]: 'File',
  }
  const form = new UploadForm()
  for (const [name, value] of fields) form.append(name, value)
  form.append('file[]', fileLike)
  const encoder = new FormDataEncoder(form, `----FichierDesk${randomToken()}`)
  const parts = [...encoder.values()].map((part) =>
    part instanceof Uint8Array ? stripPartContentType(part) : part,
  )
  const contentLength = parts.reduce(
    (sum, part) => sum + (part instanceof Uint8Array ? part.byteLength : part.size),
    0,
  )
  return {
    contentType: encoder.contentType,
    contentLength,
    async *chunks(onFileBytes) {
      for (const part of parts) {
        if (part instanceof Uint8Array) {
          yield part
          continue
        }
        let sent = 0
        for await (const chunk of file.stream()) {
          sent += chunk.byteLength
          if (sent > file.size)
            throw new Error(`The file grew while uploading (more than ${file.size} bytes).`)
          await onFileBytes?.(chunk)
          yield chunk
        }
        if (sent !== file.size)
          throw new Error(`The file changed while uploading (${sent} of ${file.size} bytes).`)
      }
    },
  }
}

function stripPartContentType(header: Uint8Array): Uint8Array {
  const text = new TextDecoder().decode(header)
  if (!text.startsWith('--') || !PART_CONTENT_TYPE.test(text)) return header
  return new TextEncoder().encode(text.replace(PART_CONTENT_TYPE, ''))
}

function randomToken(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  )
}
