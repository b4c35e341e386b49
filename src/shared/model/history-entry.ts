import type { TransferKind, TransferView } from './transfer'

/** One finished transfer as the History view, its exports and `fichier history` show it. */
export interface HistoryEntry {
  id: string
  kind: TransferKind
  name: string
  /** Bytes, or null when never known. */
  size: number | null
  /** Epoch ms; null for an item finished before times were recorded. */
  finishedAt: number | null
  /** The public 1fichier link: the download's source, or what the upload produced. */
  link: string | null
  /** Uploads only: the link that deletes the file (1fichier gives none for uploads tied to an account). */
  removeLink: string | null
  /** The Whirlpool checksum the file was verified against, when one was known. */
  checksum: string | null
  /** Download: the local folder. Upload: the remote folder id. Remote upload: the fetched URL. */
  place: string
}

/** The history entry of `item`, or null when it has not completed. */
export function toHistoryEntry(item: TransferView): HistoryEntry | null {
  if (item.status !== 'completed') return null
  const link = item.link || (item.kind === 'download' ? item.source : undefined)
  return {
    id: item.id,
    kind: item.kind,
    name: item.name,
    size: item.bytesTotal ?? (item.bytesDone > 0 ? item.bytesDone : null),
    finishedAt: item.finishedAt ?? null,
    link: link ?? null,
    removeLink: item.removeLink || null,
    checksum: item.checksum ?? null,
    place: item.kind === 'remote-upload' ? item.source : item.target,
  }
}
