import type { StoreApi } from 'zustand/vanilla'
import { recordSpeed, type SpeedHistory } from './speed-history'
import type { TransferProgressState } from './transfer-progress-state'

const isMoving = (state: TransferProgressState) => Object.keys(state.byId).length > 0

/**
 * Keeps `speed` fed from the progress store: every tick records the total speeds at the time it
 * arrives (the page's clock, so a late delivery cannot fall behind the zeros below); while nothing
 * moves (ticks stop when the queue is idle) a zero is recorded each second, so the graph keeps
 * scrolling. Returns the disposer.
 */
export function feedSpeedHistory(
  progress: StoreApi<TransferProgressState>,
  speed: StoreApi<SpeedHistory>,
  now: () => number = Date.now,
): () => void {
  let lastTick = Number.NEGATIVE_INFINITY
  const record = (down: number, up: number) => {
    const current = speed.getState()
    const next = recordSpeed(current, now(), down, up)
    if (next !== current) speed.setState(next, true)
  }
  const unsubscribe = progress.subscribe((state) => {
    if (state.at === 0) return
    lastTick = now()
    const moving = isMoving(state)
    record(moving ? state.totals.downSpeed : 0, moving ? state.totals.upSpeed : 0)
  })
  const timer = setInterval(() => {
    // No tick for two seconds: the queue went idle without a last empty tick.
    if (!isMoving(progress.getState()) || now() - lastTick > 2000) record(0, 0)
  }, 1000)
  return () => {
    unsubscribe()
    clearInterval(timer)
  }
}
