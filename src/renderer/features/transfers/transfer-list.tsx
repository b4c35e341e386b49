import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from 'zustand'
import type { SelectionStore } from './selection-store'
import { TransferRow, type RowHandlers } from './transfer-row'

const ROW_HEIGHT = 52

interface TransferListProps {
  ids: readonly string[]
  selection: SelectionStore
  handlers: RowHandlers
}

/** The rows, virtualized: only what is in view (plus a few) is in the DOM, whatever the queue length. */
export function TransferList({ ids, selection, handlers }: TransferListProps) {
  const { t } = useTranslation('transfers')
  const scrollRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is designed for this use.
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => ids[index] ?? index,
  })
  // The row the keyboard is on stays in view (arrows, Shift+arrows).
  const lead = useStore(selection, (state) => state.lead)
  useEffect(() => {
    if (lead === null) return
    const index = ids.indexOf(lead)
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' })
  }, [lead, ids, virtualizer])
  const tabStop = lead !== null && ids.includes(lead) ? lead : ids[0]
  return (
    <div className="transfer-list" ref={scrollRef}>
      <div
        role="list"
        aria-label={t('list')}
        className="transfer-list__inner"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const id = ids[row.index]
          if (id === undefined) return null
          return (
            <TransferRow
              key={row.key}
              id={id}
              top={row.start}
              selection={selection}
              handlers={handlers}
              tabStop={id === tabStop}
            />
          )
        })}
      </div>
    </div>
  )
}
