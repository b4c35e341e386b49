import { afterEach, describe, expect, it, vi } from 'vitest'
import { createStore } from 'zustand/vanilla'
import { feedSpeedHistory } from '../../../src/renderer/stores/feed-speed-history'
import {
  createSpeedHistory,
  recordSpeed,
  speedSamples,
  summarizeSpeed,
  type SpeedHistory,
} from '../../../src/renderer/stores/speed-history'
import {
  EMPTY_TRANSFER_PROGRESS,
  type TransferProgressState,
} from '../../../src/renderer/stores/transfer-progress-state'

const T0 = 1_800_000_000_000

describe('the speed history ring', () => {
  it('keeps one sample per second, oldest first, and the newer values of a second', () => {
    let history = createSpeedHistory(5)
    history = recordSpeed(history, T0, 100, 1)
    history = recordSpeed(history, T0 + 400, 150, 2)
    history = recordSpeed(history, T0 + 1000, 300, 3)
    expect(speedSamples(history)).toEqual({ down: [150, 300], up: [2, 3] })
    expect(summarizeSpeed(history)).toEqual({ down: 300, up: 3, peakDown: 300, peakUp: 3 })
  })

  it('counts skipped seconds as zero and drops the oldest once full, without growing', () => {
    let history = createSpeedHistory(4)
    history = recordSpeed(history, T0, 900, 0)
    history = recordSpeed(history, T0 + 3000, 10, 0)
    expect(speedSamples(history).down).toEqual([900, 0, 0, 10])
    history = recordSpeed(history, T0 + 4000, 20, 0)
    history = recordSpeed(history, T0 + 5000, 30, 0)
    expect(speedSamples(history).down).toEqual([0, 10, 20, 30])
    expect(history.down).toHaveLength(4)
    expect(summarizeSpeed(history).peakDown).toBe(30)
    // A long silence empties the window entirely.
    history = recordSpeed(history, T0 + 60_000, 5, 0)
    expect(speedSamples(history).down).toEqual([0, 0, 0, 5])
  })

  it('ignores a time older than the newest sample and junk values', () => {
    let history = createSpeedHistory(3)
    history = recordSpeed(history, T0 + 2000, 50, 0)
    const same = recordSpeed(history, T0, 999, 999)
    expect(same).toBe(history)
    history = recordSpeed(history, T0 + 3000, Number.NaN, -4)
    expect(speedSamples(history)).toEqual({ down: [50, 0], up: [0, 0] })
    expect(() => createSpeedHistory(0)).toThrow(RangeError)
  })

  it('reports zero before any sample', () => {
    expect(summarizeSpeed(createSpeedHistory())).toEqual({ down: 0, up: 0, peakDown: 0, peakUp: 0 })
    expect(createSpeedHistory().capacity).toBe(300)
  })
})

describe('feedSpeedHistory', () => {
  it('records the totals of each progress tick, and 0 once nothing moves', () => {
    const progress = createStore<TransferProgressState>()(() => EMPTY_TRANSFER_PROGRESS)
    const speed = createStore<SpeedHistory>()(() => createSpeedHistory(10))
    let clock = T0
    const stop = feedSpeedHistory(progress, speed, () => clock)
    const moving = { id: 'a', bytes: 1, total: 10, speed: 4096, eta: 2 }
    progress.setState({
      byId: { a: moving },
      totals: { ...EMPTY_TRANSFER_PROGRESS.totals, downSpeed: 4096, upSpeed: 512 },
      at: T0,
    })
    // The next tick arrives a second later, whatever time the main process stamped on it.
    clock += 1000
    progress.setState({
      byId: {},
      totals: { ...EMPTY_TRANSFER_PROGRESS.totals, downSpeed: 4000, upSpeed: 500 },
      at: T0 - 60_000,
    })
    stop()
    expect(speedSamples(speed.getState())).toEqual({ down: [4096, 0], up: [512, 0] })
    expect(summarizeSpeed(speed.getState())).toMatchObject({ peakDown: 4096, peakUp: 512 })
  })

  afterEach(() => {
    vi.useRealTimers()
  })

  it('keeps the graph scrolling with zeros while nothing moves', () => {
    vi.useFakeTimers()
    let clock = T0
    const progress = createStore<TransferProgressState>()(() => EMPTY_TRANSFER_PROGRESS)
    const speed = createStore<SpeedHistory>()(() => createSpeedHistory(10))
    const stop = feedSpeedHistory(progress, speed, () => clock)
    for (let i = 0; i < 3; i++) {
      clock += 1000
      vi.advanceTimersByTime(1000)
    }
    stop()
    clock += 1000
    vi.advanceTimersByTime(5000)
    expect(speedSamples(speed.getState()).down).toEqual([0, 0, 0])
  })
})
