import type { TransferView } from '../../../shared/model/transfer'
import { toHistoryEntry, type HistoryEntry } from '../../../shared/model/history-entry'

export type { HistoryEntry }

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
