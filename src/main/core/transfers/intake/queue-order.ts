import type { ReorderRequest } from '../../../../shared/model/intake'

interface Ordered {
  id: string
  order: number
}

/**
 * The items whose queue position changes when `ids` move `to` the top, the bottom, or one place up
 * or down (past the next item not moved with them). The sequence keeps the order numbers it had, so
 * only moved items (and those they pass) change. `sorted` is the queue in order.
 */
export function reorder<T extends Ordered>(
  sorted: readonly T[],
  ids: ReadonlySet<string>,
  to: ReorderRequest['to'],
): T[] {
  let arranged: T[]
  if (to === 'top' || to === 'bottom') {
    const moving = sorted.filter((item) => ids.has(item.id))
    const staying = sorted.filter((item) => !ids.has(item.id))
    arranged = to === 'top' ? [...moving, ...staying] : [...staying, ...moving]
  } else {
    arranged = [...sorted]
    const step = to === 'up' ? -1 : 1
    const indexes = arranged.map((item, i) => (ids.has(item.id) ? i : -1)).filter((i) => i >= 0)
    if (step > 0) indexes.reverse()
    for (const index of indexes) {
      const other = index + step
      const neighbour = arranged[other]
      if (!neighbour || ids.has(neighbour.id)) continue
      arranged[other] = arranged[index]!
      arranged[index] = neighbour
    }
  }
  const changed: T[] = []
  arranged.forEach((item, index) => {
    const order = sorted[index]!.order
    if (item.order !== order) changed.push({ ...item, order })
  })
  return changed
}
