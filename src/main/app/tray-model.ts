import { z } from 'zod'
import { overallProgress, runningCount, type QueueSummary } from './queue-summary'
import { formatSpeed } from '../../shared/format/format-bytes'
import type { DesktopLocale } from './desktop-text'

export const TrayState = z.enum(['idle', 'active', 'paused', 'error'])
export type TrayState = z.infer<typeof TrayState>

export const TrayAction = z.enum(['toggle-window', 'add-from-clipboard', 'pause-all', 'resume-all', 'quit'])
export type TrayAction = z.infer<typeof TrayAction>

export type TrayMenuItem =
  { type: 'item'; action: TrayAction; label: string; enabled: boolean } | { type: 'separator' }

export interface TrayModel {
  state: TrayState
  /** Base name of the icon in `resources/tray` (`tray-active`; add `Template` on macOS). */
  icon: string
  tooltip: string
  items: TrayMenuItem[]
}

export const PRODUCT_NAME = 'Fichier Desk'

/**
 * The tray as a function of the queue: moving transfers make it `active`; otherwise failures make it
 * `error` (until they are retried or removed), paused transfers `paused`, and nothing at all `idle`.
 */
export function trayState(summary: QueueSummary): TrayState {
  if (runningCount(summary) > 0) return 'active'
  if (summary.counts.failed > 0) return 'error'
  if (summary.counts.paused > 0) return 'paused'
  return 'idle'
}

export function trayTooltip(
  summary: QueueSummary,
  { t, language }: DesktopLocale,
  state: TrayState = trayState(summary),
): string {
  const lines = [PRODUCT_NAME]
  const { counts } = summary
  if (state === 'active') {
    const speed = (rate: number) => formatSpeed(rate, language)
    lines.push(t('tray.speeds', { down: speed(summary.downSpeed), up: speed(summary.upSpeed) }))
    const progress = overallProgress(summary)
    const count = runningCount(summary)
    lines.push(
      progress === null
        ? t('tray.running', { count })
        : t('tray.progress', { count, percent: Math.floor(progress * 100) }),
    )
  } else if (state === 'paused') {
    lines.push(t('tray.paused', { count: counts.paused }))
  } else if (state === 'idle') {
    lines.push(t('tray.idle'))
  }
  if (counts.failed > 0) lines.push(t('tray.failed', { count: counts.failed }))
  return lines.join('\n')
}

export function trayModel(
  summary: QueueSummary,
  view: { windowVisible: boolean },
  locale: DesktopLocale,
): TrayModel {
  const { t } = locale
  const state = trayState(summary)
  const { counts } = summary
  return {
    state,
    icon: `tray-${state}`,
    tooltip: trayTooltip(summary, locale, state),
    items: [
      {
        type: 'item',
        action: 'toggle-window',
        label: view.windowVisible ? t('tray.hide') : t('tray.show'),
        enabled: true,
      },
      { type: 'item', action: 'add-from-clipboard', label: t('tray.addFromClipboard'), enabled: true },
      { type: 'separator' },
      { type: 'item', action: 'pause-all', label: t('tray.pauseAll'), enabled: runningCount(summary) > 0 },
      { type: 'item', action: 'resume-all', label: t('tray.resumeAll'), enabled: counts.paused > 0 },
      { type: 'separator' },
      { type: 'item', action: 'quit', label: t('tray.quit'), enabled: true },
    ],
  }
}
