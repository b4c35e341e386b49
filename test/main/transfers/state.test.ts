import { describe, expect, it } from 'vitest'
import { TransferStatus } from '../../../src/shared/model/transfer'
import { canTransition, transition } from '../../../src/main/core/transfers/state'
import { TransferEvent } from '../../../src/main/core/transfers/transfer-event'
import { TransferStateError } from '../../../src/main/core/transfers/transfer-state-error'

type Table = Record<TransferEvent, Partial<Record<TransferStatus, TransferStatus>>>

/** Every legal transition; any pair missing here must throw. */
const LEGAL: Table = {
  start: { queued: 'active' },
  pause: { queued: 'paused', active: 'paused', retrying: 'paused' },
  resume: { paused: 'queued' },
  retryScheduled: { active: 'retrying' },
  retryDue: { retrying: 'queued' },
  fail: { active: 'failed' },
  complete: { active: 'completed' },
  cancel: { queued: 'canceled', active: 'canceled', retrying: 'canceled', paused: 'canceled' },
  retry: { failed: 'queued', canceled: 'queued' },
  interrupt: { active: 'queued', retrying: 'queued' },
}

const pairs = TransferStatus.options.flatMap((from) =>
  TransferEvent.options.map((event) => ({ from, event })),
)

describe('transition', () => {
  it('covers all 7 × 10 pairs', () => {
    expect(pairs).toHaveLength(70)
  })

  it.each(pairs.filter(({ from, event }) => LEGAL[event][from] !== undefined))(
    '$from --$event--> allowed',
    ({ from, event }) => {
      expect(transition(from, event)).toBe(LEGAL[event][from])
      expect(canTransition(from, event)).toBe(true)
    },
  )

  it.each(pairs.filter(({ from, event }) => LEGAL[event][from] === undefined))(
    '$from --$event--> throws',
    ({ from, event }) => {
      expect(canTransition(from, event)).toBe(false)
      let caught: unknown
      try {
        transition(from, event)
      } catch (error) {
        caught = error
      }
      expect(caught).toBeInstanceOf(TransferStateError)
      const error = caught as TransferStateError
      expect(error.code).toBe('ILLEGAL_TRANSITION')
      expect(error.from).toBe(from)
      expect(error.event).toBe(event)
      expect(error.message).toContain(`${from} → ${event}`)
    },
  )

  it('never leaves a terminal status except by a user retry', () => {
    for (const from of ['completed', 'failed', 'canceled'] as const) {
      const allowed = TransferEvent.options.filter((event) => canTransition(from, event))
      expect(allowed).toEqual(from === 'completed' ? [] : ['retry'])
    }
  })
})
