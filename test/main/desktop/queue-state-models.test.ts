import { describe, expect, it } from 'vitest'
import { clipboardOffer } from '../../../src/main/app/clipboard-offer'
import { formatSpeed } from '../../../src/shared/format/format-bytes'
import { QueueDrain } from '../../../src/main/app/queue-drain'
import { overallProgress, summarizeQueue } from '../../../src/main/app/queue-summary'
import { taskbarModel } from '../../../src/main/app/taskbar-model'
import { summary, view } from './queue-fixtures'

describe('the queue summary', () => {
  it('counts statuses and sums the bytes of unfinished transfers of known size, preferring live progress', () => {
    const items = [
      view('a', 'active', { bytesDone: 10, bytesTotal: 100 }),
      view('b', 'queued', { bytesDone: 0, bytesTotal: 50 }),
      view('c', 'paused', { bytesDone: 25, bytesTotal: 50 }),
      view('d', 'active', { bytesTotal: null }),
      view('e', 'completed', { bytesDone: 999, bytesTotal: 999 }),
    ]
    const tick = {
      items: [{ id: 'a', bytes: 60, total: 100, speed: 5, eta: 8 }],
      totals: { downSpeed: 1000, upSpeed: 20 },
    }
    const result = summarizeQueue(items, tick)
    expect(result).toEqual({
      counts: { queued: 1, active: 2, retrying: 0, paused: 1, completed: 1, failed: 0, canceled: 0 },
      downSpeed: 1000,
      upSpeed: 20,
      bytesDone: 85,
      bytesTotal: 200,
    })
    expect(overallProgress(result)).toBe(0.425)
  })

  it('shows no speed once nothing moves, whatever the last tick said', () => {
    const result = summarizeQueue([view('a', 'completed')], {
      items: [],
      totals: { downSpeed: 5000, upSpeed: 5000 },
    })
    expect([result.downSpeed, result.upSpeed]).toEqual([0, 0])
  })
})

describe('speeds as text', () => {
  it("uses the interface's binary units and precision, in the chosen language", () => {
    expect(
      [0, 512, 1536, 10 * 1024, 2.25 * 1024 ** 2, 3 * 1024 ** 4].map((rate) => formatSpeed(rate)),
    ).toEqual(['0 B/s', '512 B/s', '1.50 KB/s', '10.0 KB/s', '2.25 MB/s', '3.00 TB/s'])
    expect(formatSpeed(2.25 * 1024 ** 2, 'fr')).toBe('2,25 Mo/s')
    expect(formatSpeed(-5)).toBe('0 B/s')
  })
})

describe('the taskbar model', () => {
  it('shows overall progress and the number of running transfers as the badge', () => {
    expect(taskbarModel(summary({ active: 2, queued: 1 }, { bytesDone: 25, bytesTotal: 100 }))).toEqual({
      progress: 0.25,
      mode: 'normal',
      badge: 3,
    })
  })

  it('is indeterminate while no size is known', () => {
    expect(taskbarModel(summary({ active: 1 }))).toEqual({ progress: 2, mode: 'indeterminate', badge: 1 })
  })

  it('turns red while failures sit beside running transfers, and paused (no badge) when only paused ones are left', () => {
    expect(taskbarModel(summary({ active: 1, failed: 1 }, { bytesDone: 1, bytesTotal: 2 })).mode).toBe(
      'error',
    )
    expect(taskbarModel(summary({ paused: 2 }, { bytesDone: 1, bytesTotal: 4 }))).toEqual({
      progress: 0.25,
      mode: 'paused',
      badge: 0,
    })
  })

  it('removes the bar and the badge when idle', () => {
    expect(taskbarModel(summary({ completed: 3, failed: 1 }))).toEqual({
      progress: -1,
      mode: 'none',
      badge: 0,
    })
  })
})

describe('the queue drain', () => {
  it('fires once when running transfers are all done', () => {
    const drain = new QueueDrain()
    expect(drain.observe(summary({}))).toBe(false)
    expect(drain.observe(summary({ active: 1, queued: 2 }))).toBe(false)
    expect(drain.observe(summary({ active: 1, completed: 2 }))).toBe(false)
    expect(drain.observe(summary({ completed: 2, failed: 1 }))).toBe(true)
    expect(drain.observe(summary({ completed: 2, failed: 1 }))).toBe(false)
  })

  it('does not fire when everything was paused, nor after resuming them from a pause', () => {
    const drain = new QueueDrain()
    drain.observe(summary({ active: 2 }))
    expect(drain.observe(summary({ paused: 2 }))).toBe(false)
    expect(drain.observe(summary({ paused: 2 }))).toBe(false)
    expect(drain.observe(summary({ active: 2 }))).toBe(false)
    expect(drain.observe(summary({ completed: 2 }))).toBe(true)
  })

  it('does not fire for a queue that starts idle', () => {
    const drain = new QueueDrain()
    expect(drain.observe(summary({ completed: 9 }))).toBe(false)
  })
})

describe('the clipboard offer', () => {
  const link = 'https://1fichier.com/?abcdef1234'

  it('offers new 1fichier links found in copied text', () => {
    expect(clipboardOffer(`look: ${link} and https://1fichier.com/dir/AbCd1234`, null, [])).toEqual({
      text: `look: ${link} and https://1fichier.com/dir/AbCd1234`,
      count: 2,
    })
  })

  it('offers nothing for the text already seen, text without links, or links already queued', () => {
    expect(clipboardOffer(link, link, [])).toBeNull()
    expect(clipboardOffer('just some words https://example.com/', null, [])).toBeNull()
    expect(clipboardOffer('', null, [])).toBeNull()
    expect(clipboardOffer(`${link}&af=3`, null, [link])).toBeNull()
  })

  it('counts only the links not queued yet', () => {
    expect(clipboardOffer(`${link}\nhttps://1fichier.com/?zyxwv98765`, null, [link])?.count).toBe(1)
  })
})
