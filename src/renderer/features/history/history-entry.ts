import type { TransferKind, TransferView } from '../../../shared/model/transfer'

/** One finished transfer as the History view shows and exports it. */
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
    place: item.kind === 'remote-upload' ? item.source : item.target,
  }
}

/** Every completed transfer of `byId`, newest first (then by name, so equal times keep one order). */
export function historyEntries(byId: Readonly<Record<string, TransferView>>): HistoryEntry[] {
  const entries: HistoryEntry[] = []
  for (const item of Object.values(byId)) {
    const entry = toHistoryEntry(item)
    if (entry) entries.push(entry)
  }
  return entries.sort(
    (a, b) =>
      (b.finishedAt ?? 0) - (a.finishedAt ?? 0) || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1),
  )
}

/** Entries whose name, link or folder contain every word of `query` (case and accents ignored). */
export function searchHistory(entries: readonly HistoryEntry[], query: string): HistoryEntry[] {
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
  const words = fold(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return [...entries]
  return entries.filter((entry) => {
    const haystack = fold(`${entry.name}\n${entry.link ?? ''}\n${entry.place}`)
    return words.every((word) => haystack.includes(word))
  })
}
