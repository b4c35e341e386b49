import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FinishDetector } from '../../../src/main/app/finish-detector'
import { NotificationBatcher, type DesktopNotification } from '../../../src/main/app/notification-batcher'
import type { QueueSummary } from '../../../src/main/app/queue-summary'
import { TransferWatch } from '../../../src/main/app/transfer-watch'
import { trayModel } from '../../../src/main/app/tray-model'
import type { EventMap } from '../../../src/main/core/ipc/handlers'
import { systemClock } from '../../../src/main/core/lib/clock'
import { TypedEmitter } from '../../../src/main/core/lib/typed-emitter'
import type { TransferView } from '../../../src/shared/model/transfer'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { createTestService } from '../../helpers/test-service'
import { allFinished, waitForTransfers } from '../../helpers/wait-for-transfers'
import { view } from './queue-fixtures'
import { desktopLocale } from '../../../src/main/app/desktop-text'

const KEY = 'WatchKeyWatchKeyWatchKeyWatchK01'

describe('the finish detector', () => {
  it('reports transitions into completed or failed, once, and ignores cancels and the snapshot', () => {
    const detector = new FinishDetector()
    detector.seed([view('old', 'completed'), view('a', 'active'), view('b', 'queued')])
    expect(detector.observe([view('old', 'completed')])).toEqual([])
    expect(
      detector.observe([view('a', 'completed'), view('b', 'canceled')]).map((f) => [f.id, f.outcome]),
    ).toEqual([['a', 'completed']])
    expect(detector.observe([view('a', 'completed')])).toEqual([])
    const failed = detector.observe([
      view('b', 'failed', { error: { code: 'GONE', message: 'File not found' } }),
    ])
    expect(failed).toEqual([
      { id: 'b', kind: 'download', name: 'b.bin', outcome: 'failed', error: 'File not found' },
    ])
  })

  it('forgets removed items, so a new item with the same id counts again', () => {
    const detector = new FinishDetector()
    detector.seed([view('a', 'completed')])
    detector.observe([], ['a'])
    expect(detector.observe([view('a', 'completed')])).toHaveLength(1)
  })
})

describe('the watch over a list answered later (a core in another thread)', () => {
  type List = { revision: number; items: TransferView[] }
  /** A source whose lists are answered by hand, in order. */
  function lateSource() {
    const events = new TypedEmitter<EventMap>()
    const asked: Array<(list: List) => void> = []
    return {
      events,
      asked,
      source: { events, list: () => new Promise<List>((resolve) => asked.push(resolve)) },
      changed: (revision: number, upserts: TransferView[], removedIds: string[] = []) =>
        events.emit('transfers:changed', { revision, upserts, removedIds }),
    }
  }

  it('holds the batches that arrive before the list, then applies only those newer than it', async () => {
    const late = lateSource()
    const watch = new TransferWatch(late.source, { clock: systemClock, summaryIntervalMs: 0 })
    const finished: string[] = []
    watch.on('finished', (items) => finished.push(...items.map((item) => item.id)))
    expect(watch.summary.counts.active).toBe(0)
    // Revision 2 is already in the list; 3 is not.
    late.changed(2, [view('a', 'active')])
    late.changed(3, [view('a', 'completed'), view('b', 'queued')])
    expect(late.asked).toHaveLength(1)
    late.asked[0]?.({ revision: 2, items: [view('a', 'active')] })
    await watch.ready
    expect(watch.summary.counts).toMatchObject({ completed: 1, queued: 1, active: 0 })
    expect(finished).toEqual(['a'])
    watch.dispose()
  })

  it('asks for a new list on a gap and finds what finished meanwhile', async () => {
    const late = lateSource()
    const watch = new TransferWatch(late.source, { clock: systemClock, summaryIntervalMs: 0 })
    late.asked[0]?.({ revision: 1, items: [view('a', 'active'), view('b', 'active')] })
    await watch.ready
    const finished: string[] = []
    watch.on('finished', (items) => finished.push(...items.map((item) => item.id)))
    late.changed(4, [view('a', 'completed')])
    expect(late.asked).toHaveLength(2)
    // Batches while the new list is on its way wait for it.
    late.changed(6, [view('b', 'failed')])
    late.asked[1]?.({ revision: 5, items: [view('a', 'completed'), view('b', 'active')] })
    await watch.ready
    await expect.poll(() => watch.summary.counts.failed).toBe(1)
    expect(watch.summary.counts).toMatchObject({ completed: 1, failed: 1, active: 0 })
    expect(finished).toEqual(['a', 'b'])
    watch.dispose()
  })

  it('keeps what it had when a list cannot be had, and says so', async () => {
    const events = new TypedEmitter<EventMap>()
    const logs: string[] = []
    const watch = new TransferWatch(
      { events, list: () => Promise.reject(new Error('The engine has stopped.')) },
      { clock: systemClock, summaryIntervalMs: 0, log: (message) => logs.push(message) },
    )
    await watch.ready
    expect(watch.summary.counts.active).toBe(0)
    expect(logs).toEqual(['the transfer list could not be read: The engine has stopped.'])
    watch.dispose()
  })
})

describe('the main process view of the real queue', () => {
  let emulator: RunningEmulator

  beforeAll(async () => {
    emulator = await startEmulator({
      rateLimits: false,
      keys: [{ key: KEY, tier: 'premium', email: 'watch@example.com' }],
    })
  })

  afterAll(async () => {
    await emulator.stop()
  })

  it('follows downloads to the end: active tray, then one notification for the batch and one for the failure', async () => {
    const files = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        emulator.control.createFile({ key: KEY, name: `batch-${i}.txt`, content: `file ${i}` }),
      ),
    )
    const service = await createTestService({ apiUrl: emulator.apiUrl, key: KEY, engine: { maxAttempts: 1 } })
    const watch = new TransferWatch(
      { events: service.service.events, list: () => service.core.engine.list() },
      { clock: systemClock, summaryIntervalMs: 0 },
    )
    const summaries: QueueSummary[] = []
    const notifications: DesktopNotification[] = []
    const batcher = new NotificationBatcher({
      emit: (n) => notifications.push(n),
      text: () => desktopLocale('en').t,
      timers: {
        set: (callback, ms) => setTimeout(callback, ms),
        clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
      },
      // Long windows: the batch is closed by hand below, so the test does not depend on timing.
      quietMs: 60_000,
      maxWaitMs: 60_000,
    })
    const stop = [
      watch.on('summary', (s) => summaries.push(s)),
      watch.on('finished', (items) => batcher.add(items)),
    ]
    try {
      const text = [...files.map((file) => file.url), 'https://1fichier.com/?deadlink000'].join('\n')
      const added = await service.bridge.invoke('transfers:add', { kind: 'download', text })
      expect(added.ok && added.value.addedIds).toHaveLength(11)
      await waitForTransfers(service.bridge, (items) => items.length === 11 && allFinished(items))
      expect(notifications).toEqual([])
      batcher.flush()
      expect(notifications).toHaveLength(2)

      expect(
        summaries.some((s) => trayModel(s, { windowVisible: true }, desktopLocale('en')).state === 'active'),
      ).toBe(true)
      expect(watch.summary.counts).toMatchObject({ completed: 10, failed: 1, active: 0, queued: 0 })
      expect(trayModel(watch.summary, { windowVisible: true }, desktopLocale('en')).state).toBe('error')
      expect(notifications[0]).toMatchObject({ outcome: 'completed', title: '10 downloads finished' })
      expect(notifications[0]?.ids).toHaveLength(10)
      expect(notifications[1]).toMatchObject({ outcome: 'failed', title: 'Download failed' })
      expect(watch.knownSources()).toHaveLength(11)

      const failedIds = watch.idsWith('failed')
      await service.bridge.invoke('transfers:remove', { ids: failedIds })
      await expect.poll(() => watch.summary.counts.failed).toBe(0)
      expect(trayModel(watch.summary, { windowVisible: true }, desktopLocale('en')).state).toBe('idle')
    } finally {
      for (const unsubscribe of stop) unsubscribe()
      batcher.dispose()
      watch.dispose()
      await service.close()
    }
  })
})
