import { Notification } from 'electron'
import type { DesktopNotification } from './notification-batcher'

/**
 * Shows one notification; a click calls `onClick` with the transfers it is about. References are
 * kept until the notification goes away, or the click would be lost to garbage collection.
 */
export function createNotifier(options: { iconPath: string; onClick: (ids: string[]) => void }) {
  const live = new Set<Notification>()
  return {
    show(notification: DesktopNotification): void {
      if (!Notification.isSupported()) return
      const shown = new Notification({
        title: notification.title,
        body: notification.body,
        icon: options.iconPath,
        urgency: notification.outcome === 'failed' ? 'normal' : 'low',
      })
      live.add(shown)
      shown.on('click', () => {
        live.delete(shown)
        options.onClick(notification.ids)
      })
      shown.on('close', () => live.delete(shown))
      shown.show()
    },
    dispose(): void {
      for (const shown of live) shown.close()
      live.clear()
    },
  }
}
