import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EventChannel } from '../../../src/shared/contract'
import { EventRelay } from '../../../src/main/core/worker/event-relay'

let sent: Array<[EventChannel, unknown]>
let clock: number
let relay: EventRelay

beforeEach(() => {
  vi.useFakeTimers()
  sent = []
  clock = 0
  relay = new EventRelay(
    (event, payload) => sent.push([event, payload]),
    100,
    () => clock,
  )
})
afterEach(() => vi.useRealTimers())

const advance = (ms: number): void => {
  clock += ms
  vi.advanceTimersByTime(ms)
}

describe('EventRelay', () => {
  it('sends a progress tick at once when none left within the spacing', () => {
    relay.push('transfers:progress', 1)
    advance(150)
    relay.push('transfers:progress', 2)
    expect(sent).toEqual([
      ['transfers:progress', 1],
      ['transfers:progress', 2],
    ])
  })

  it('holds ticks that come too soon and sends only the newest at the end of the spacing', () => {
    relay.push('transfers:progress', 1)
    advance(20)
    relay.push('transfers:progress', 2)
    advance(20)
    relay.push('transfers:progress', 3)
    expect(sent).toEqual([['transfers:progress', 1]])
    advance(59)
    expect(sent).toHaveLength(1)
    advance(1)
    expect(sent).toEqual([
      ['transfers:progress', 1],
      ['transfers:progress', 3],
    ])
    advance(500)
    expect(sent).toHaveLength(2)
  })

  it('sends a held tick before any other event, so the order stays that of the core', () => {
    relay.push('transfers:progress', 1)
    relay.push('transfers:progress', 2)
    relay.push('transfers:changed', 'done')
    relay.push('account:changed', 'account')
    expect(sent).toEqual([
      ['transfers:progress', 1],
      ['transfers:progress', 2],
      ['transfers:changed', 'done'],
      ['account:changed', 'account'],
    ])
    advance(500)
    expect(sent).toHaveLength(4)
  })
})
