/**
 * The last minutes of total speed, one sample per second, in a fixed-size ring: writing a sample
 * never grows the arrays, and the oldest second falls off once `capacity` seconds are kept.
 * Immutable: every change returns a new value, so a store can hold it.
 */
export interface SpeedHistory {
  readonly capacity: number
  /** Ring storage of bytes per second; `head` is where the next second is written. */
  readonly down: readonly number[]
  readonly up: readonly number[]
  readonly head: number
  /** How many seconds are filled (at most `capacity`). */
  readonly size: number
  /** Epoch second of the newest sample, or null before the first. */
  readonly lastSecond: number | null
}

export interface SpeedSummary {
  down: number
  up: number
  peakDown: number
  peakUp: number
}

/** Five minutes of 1-second samples. */
export const SPEED_HISTORY_SECONDS = 300

export function createSpeedHistory(capacity: number = SPEED_HISTORY_SECONDS): SpeedHistory {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer')
  return {
    capacity,
    down: new Array<number>(capacity).fill(0),
    up: new Array<number>(capacity).fill(0),
    head: 0,
    size: 0,
    lastSecond: null,
  }
}

const clean = (value: number) => (Number.isFinite(value) && value > 0 ? value : 0)

/**
 * Records the speeds seen at `at` (epoch ms). A second already recorded takes the newer values;
 * seconds skipped since the last sample (nothing moved, so nothing was reported) count as 0.
 * A time earlier than the newest sample is ignored.
 */
export function recordSpeed(history: SpeedHistory, at: number, down: number, up: number): SpeedHistory {
  const second = Math.floor(at / 1000)
  const { capacity } = history
  if (history.lastSecond !== null && second < history.lastSecond) return history
  if (history.lastSecond === second) {
    const newest = (history.head - 1 + capacity) % capacity
    if (history.down[newest] === clean(down) && history.up[newest] === clean(up)) return history
    const downs = [...history.down]
    const ups = [...history.up]
    downs[newest] = clean(down)
    ups[newest] = clean(up)
    return { ...history, down: downs, up: ups }
  }
  const downs = [...history.down]
  const ups = [...history.up]
  let head = history.head
  let size = history.size
  const gap = history.lastSecond === null ? 0 : Math.min(second - history.lastSecond - 1, capacity)
  for (let i = 0; i < gap; i++) {
    downs[head] = 0
    ups[head] = 0
    head = (head + 1) % capacity
    size = Math.min(size + 1, capacity)
  }
  downs[head] = clean(down)
  ups[head] = clean(up)
  head = (head + 1) % capacity
  size = Math.min(size + 1, capacity)
  return { capacity, down: downs, up: ups, head, size, lastSecond: second }
}

/** The recorded samples, oldest first. */
export function speedSamples(history: SpeedHistory): { down: number[]; up: number[] } {
  const down: number[] = []
  const up: number[] = []
  const start = (history.head - history.size + history.capacity) % history.capacity
  for (let i = 0; i < history.size; i++) {
    const index = (start + i) % history.capacity
    down.push(history.down[index] ?? 0)
    up.push(history.up[index] ?? 0)
  }
  return { down, up }
}

/** The newest speeds and the peaks over the window kept. */
export function summarizeSpeed(history: SpeedHistory): SpeedSummary {
  const newest = (history.head - 1 + history.capacity) % history.capacity
  let peakDown = 0
  let peakUp = 0
  for (const value of history.down) peakDown = Math.max(peakDown, value)
  for (const value of history.up) peakUp = Math.max(peakUp, value)
  return {
    down: history.size > 0 ? (history.down[newest] ?? 0) : 0,
    up: history.size > 0 ? (history.up[newest] ?? 0) : 0,
    peakDown,
    peakUp,
  }
}
