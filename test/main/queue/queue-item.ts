import type { StoredItem } from '../../../src/main/core/queue/stored-item'

/** A download item as the queue stores it; `n` gives it its id and order. */
export function queueItem(n: number, overrides: Partial<StoredItem> = {}): StoredItem {
  return {
    id: `t${String(n).padStart(6, '0')}`,
    kind: 'download',
    source: `https://1fichier.com/?file${String(n).padStart(6, '0')}`,
    target: '/downloads',
    name: `file-${n}.bin`,
    status: 'queued',
    bytesDone: 0,
    bytesTotal: null,
    attempts: 0,
    createdAt: 1_700_000_000_000 + n,
    order: n,
    meta: { dir: '/downloads', partPath: `/downloads/file-${n}.bin.part` },
    ...overrides,
  }
}
