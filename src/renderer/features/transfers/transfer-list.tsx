import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import type { TransferAction } from './transfer-action'
import { TransferRow } from './transfer-row'

const ROW_HEIGHT = 52

interface TransferListProps {
  ids: readonly string[]
  onAction(action: TransferAction, id: string): void
}

/** The rows, virtualized: only what is in view (plus a few) is in the DOM, whatever the queue length. */
export function TransferList({ ids, onAction }: TransferListProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is designed for this use.
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => ids[index] ?? index,
  })
  return (
    <div className="transfer-list" ref={scrollRef}>
      <div
        role="list"
        aria-label="Transfers"
        className="transfer-list__inner"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const id = ids[row.index]
          if (id === undefined) return null
          return <TransferRow key={row.key} id={id} top={row.start} onAction={onAction} />
        })}
      </div>
    </div>
  )
}
