import type { DragEvent } from 'react'
import type { RowKey } from './remote-row-selection'

/** The drag type of table rows: never `Files`, so the upload drop overlay leaves these drags alone. */
const ROW_DRAG_TYPE = 'application/x-fichier-remote-rows'

/** Rows of the file table dragged onto a folder: what the drag carries and how it is recognised. */
export const RowDrag = {
  start(event: DragEvent, keys: readonly RowKey[]): void {
    event.dataTransfer.setData(ROW_DRAG_TYPE, JSON.stringify(keys))
    event.dataTransfer.effectAllowed = 'move'
  },

  carriesRows(event: DragEvent): boolean {
    return Array.from(event.dataTransfer.types).includes(ROW_DRAG_TYPE)
  },

  keys(event: DragEvent): RowKey[] {
    try {
      const parsed: unknown = JSON.parse(event.dataTransfer.getData(ROW_DRAG_TYPE) || '[]')
      return Array.isArray(parsed)
        ? parsed.filter((key): key is RowKey => typeof key === 'string' && /^(folder|file):/.test(key))
        : []
    } catch {
      return []
    }
  },
}
