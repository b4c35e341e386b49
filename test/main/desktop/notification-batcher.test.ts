import { describe, expect, it } from 'vitest'
import { desktopText } from '../../../src/main/app/desktop-text'
import {
  NotificationBatcher,
  notificationsFor,
  type BatchTimers,
  type DesktopNotification,
  type FinishedTransfer,
} from '../../../src/main/app/notification-batcher'

const EN = desktopText('en')

/** Timers that fire only when the test moves time. */
class ManualTimers implements BatchTimers {
  now = 0
  #next = 0
  readonly #due = new Map<number, { at: number; callback: () => void }>()

  set(callback: () => void, ms: number): unknown {
    const handle = ++this.#next
    this.#due.set(handle, { at: this.now + ms, callback })
    return handle
  }

  clear(handle: unknown): void {
    this.#due.delete(handle as number)
  }

  get pending(): number {
    return this.#due.size
  }

  advance(ms: number): void {
    const target = this.now + ms
    for (;;) {
      const next = [...this.#due.entries()]
        .filter(([, timer]) => timer.at <= target)
        .sort((a, b) => a[1].at - b[1].at)[0]
      if (!next) break
      this.#due.delete(next[0])
      this.now = next[1].at
      next[1].callback()
    }
    this.now = target
  }
}

const done = (id: string, kind: FinishedTransfer['kind'] = 'download'): FinishedTransfer => ({
  id,
  kind,
  name: `${id}.bin`,
  outcome: 'completed',
})
const failed = (id: string, error = 'The link is dead'): FinishedTransfer => ({
  id,
  kind: 'download',
  name: `${id}.bin`,
  outcome: 'failed',
  error,
})

function setup() {
  const timers = new ManualTimers()
  const shown: DesktopNotification[] = []
  const batcher = new NotificationBatcher({
    emit: (n) => shown.push(n),
    text: () => EN,
    timers,
    quietMs: 1000,
    maxWaitMs: 5000,
  })
  return { timers, shown, batcher }
}

describe('notification texts', () => {
  it('names a single finished download', () => {
    expect(notificationsFor([done('a')], EN)).toEqual([
      { outcome: 'completed', title: 'Download finished', body: 'a.bin', ids: ['a'] },
    ])
  })

  it('sums up ten downloads in one notification, naming three', () => {
    const items = Array.from({ length: 10 }, (_, i) => done(`f${i}`))
    expect(notificationsFor(items, EN)).toEqual([
      {
        outcome: 'completed',
        title: '10 downloads finished',
        body: 'f0.bin, f1.bin, f2.bin and 7 more',
        ids: items.map((item) => item.id),
      },
    ])
  })

  it('says "transfers" for a mix of kinds and "uploads" for uploads only', () => {
    expect(notificationsFor([done('a'), done('b', 'upload')], EN)[0]?.title).toBe('2 transfers finished')
    expect(notificationsFor([done('a', 'upload'), done('b', 'upload')], EN)[0]?.title).toBe(
      '2 uploads finished',
    )
    expect(notificationsFor([done('r', 'remote-upload')], EN)[0]?.title).toBe('Remote upload finished')
  })

  it('reports failures apart from successes, with the reason when there is one failure', () => {
    expect(notificationsFor([done('a'), failed('b'), done('c')], EN)).toEqual([
      { outcome: 'completed', title: '2 downloads finished', body: 'a.bin, c.bin', ids: ['a', 'c'] },
      { outcome: 'failed', title: 'Download failed', body: 'b.bin: The link is dead', ids: ['b'] },
    ])
    expect(notificationsFor([failed('x'), failed('y')], EN)).toEqual([
      { outcome: 'failed', title: '2 downloads failed', body: 'x.bin, y.bin', ids: ['x', 'y'] },
    ])
  })

  it('makes nothing of nothing', () => {
    expect(notificationsFor([], EN)).toEqual([])
  })
})

describe('the notification batcher', () => {
  it('turns ten transfers finishing together into one notification once things are quiet', () => {
    const { timers, shown, batcher } = setup()
    for (let i = 0; i < 10; i++) {
      batcher.add([done(`f${i}`)])
      timers.advance(100)
    }
    expect(shown).toEqual([])
    timers.advance(1000)
    expect(shown).toHaveLength(1)
    expect(shown[0]?.title).toBe('10 downloads finished')
    expect(shown[0]?.ids).toHaveLength(10)
    expect(timers.pending).toBe(0)
  })

  it('sends failures as a second notification of the same batch', () => {
    const { timers, shown, batcher } = setup()
    batcher.add([done('a'), failed('b')])
    batcher.add([done('c')])
    timers.advance(1000)
    expect(shown.map((n) => [n.outcome, n.ids])).toEqual([
      ['completed', ['a', 'c']],
      ['failed', ['b']],
    ])
  })

  it('does not wait forever while items keep finishing: the batch closes after maxWait', () => {
    const { timers, shown, batcher } = setup()
    for (let i = 0; i < 12; i++) {
      batcher.add([done(`f${i}`)])
      timers.advance(500)
    }
    // 5000 ms after the first item, ten of them went out; the rest form the next batch.
    expect(shown).toHaveLength(1)
    expect(shown[0]?.ids).toHaveLength(10)
    timers.advance(1000)
    expect(shown).toHaveLength(2)
    expect(shown[1]?.ids).toEqual(['f10', 'f11'])
  })

  it('keeps batches apart when they are far apart in time', () => {
    const { timers, shown, batcher } = setup()
    batcher.add([done('a')])
    timers.advance(3000)
    batcher.add([done('b')])
    timers.advance(3000)
    expect(shown.map((n) => n.body)).toEqual(['a.bin', 'b.bin'])
  })

  it('flushes on demand and drops what is pending on dispose', () => {
    const { timers, shown, batcher } = setup()
    batcher.add([done('a')])
    batcher.flush()
    expect(shown.map((n) => n.ids)).toEqual([['a']])
    batcher.add([done('b')])
    batcher.dispose()
    timers.advance(10_000)
    expect(shown).toHaveLength(1)
    expect(timers.pending).toBe(0)
  })
})
