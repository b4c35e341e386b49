import { describe, expect, it } from 'vitest'
import { trayModel, trayState, type TrayMenuItem } from '../../../src/main/app/tray-model'
import { summary } from './queue-fixtures'
import { desktopLocale } from '../../../src/main/app/desktop-text'

const EN = desktopLocale('en')

const MiB = 1024 * 1024

function labels(items: TrayMenuItem[]) {
  return items.map((item) =>
    item.type === 'separator' ? '—' : `${item.label}${item.enabled ? '' : ' (disabled)'}`,
  )
}

describe('the tray model', () => {
  it('is idle with an empty queue: Show when hidden, nothing to pause or resume', () => {
    const model = trayModel(summary({}), { windowVisible: false }, EN)
    expect(model.state).toBe('idle')
    expect(model.icon).toBe('tray-idle')
    expect(model.tooltip).toBe('Fichier Desk\nNo transfers running')
    expect(labels(model.items)).toEqual([
      'Show Fichier Desk',
      'Add links from clipboard',
      '—',
      'Pause all (disabled)',
      'Resume all (disabled)',
      '—',
      'Quit',
    ])
  })

  it('is idle when everything finished or was canceled', () => {
    expect(trayState(summary({ completed: 12, canceled: 2 }))).toBe('idle')
  })

  it('is active while transfers move or wait, with speeds and overall progress in the tooltip', () => {
    const model = trayModel(
      summary(
        { active: 2, queued: 1, paused: 1, completed: 4 },
        { downSpeed: 2.5 * MiB, upSpeed: 512 * 1024, bytesDone: 30 * MiB, bytesTotal: 40 * MiB },
      ),
      { windowVisible: true },
      EN,
    )
    expect(model.state).toBe('active')
    expect(model.icon).toBe('tray-active')
    expect(model.tooltip).toBe('Fichier Desk\n↓ 2.50 MB/s  ↑ 512 KB/s\n75% of 3 transfers')
    expect(labels(model.items)).toEqual([
      'Hide Fichier Desk',
      'Add links from clipboard',
      '—',
      'Pause all',
      'Resume all',
      '—',
      'Quit',
    ])
  })

  it('says "running" instead of a percentage when no size is known yet', () => {
    expect(trayModel(summary({ queued: 1 }), { windowVisible: true }, EN).tooltip).toBe(
      'Fichier Desk\n↓ 0 B/s  ↑ 0 B/s\n1 transfer running',
    )
  })

  it('counts retrying transfers as active', () => {
    expect(trayState(summary({ retrying: 1, failed: 3 }))).toBe('active')
  })

  it('is paused when only paused transfers are left: Resume all is enabled, Pause all not', () => {
    const model = trayModel(summary({ paused: 3, completed: 1 }), { windowVisible: false }, EN)
    expect(model.state).toBe('paused')
    expect(model.icon).toBe('tray-paused')
    expect(model.tooltip).toBe('Fichier Desk\n3 transfers paused')
    expect(labels(model.items)).toContain('Resume all')
    expect(labels(model.items)).toContain('Pause all (disabled)')
  })

  it('is in error when failures wait for attention and nothing runs, even with paused ones', () => {
    const model = trayModel(summary({ failed: 1, paused: 2 }), { windowVisible: false }, EN)
    expect(model.state).toBe('error')
    expect(model.icon).toBe('tray-error')
    expect(model.tooltip).toBe('Fichier Desk\n1 transfer failed')
  })

  it('mentions failures under the speeds while others keep running', () => {
    const model = trayModel(
      summary({ active: 1, failed: 2 }, { bytesDone: 1, bytesTotal: 4 }),
      {
        windowVisible: true,
      },
      EN,
    )
    expect(model.tooltip.split('\n')).toEqual([
      'Fichier Desk',
      '↓ 0 B/s  ↑ 0 B/s',
      '25% of 1 transfer',
      '2 transfers failed',
    ])
  })

  it('names the action of every item, so the shell can route clicks', () => {
    const actions = trayModel(summary({}), { windowVisible: true }, EN).items.flatMap((item) =>
      item.type === 'item' ? [item.action] : [],
    )
    expect(actions).toEqual(['toggle-window', 'add-from-clipboard', 'pause-all', 'resume-all', 'quit'])
  })
})
