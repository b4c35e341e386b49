import { Menu, nativeImage, Tray, type NativeImage } from 'electron'
import { join } from 'node:path'
import type { TrayAction, TrayModel } from './tray-model'

export interface AppTray {
  render(model: TrayModel): void
  /** The labels, states and tooltip as shown (for the end-to-end tests). */
  describe(): { tooltip: string; items: Array<{ label: string; enabled: boolean; type: string }> }
  destroy(): void
}

/**
 * Draws a `TrayModel`: icon (template images on macOS), tooltip and context menu. A click on the
 * icon toggles the window (macOS opens the menu instead, as users expect there).
 */
export function createAppTray(options: {
  iconDir: string
  platform: string
  onAction: (action: TrayAction) => void
  initial: TrayModel
}): AppTray {
  const images = new Map<string, NativeImage>()
  const image = (name: string): NativeImage => {
    const file = options.platform === 'darwin' ? `${name}Template.png` : `${name}.png`
    let found = images.get(file)
    if (!found) {
      found = nativeImage.createFromPath(join(options.iconDir, file))
      if (options.platform === 'darwin') found.setTemplateImage(true)
      images.set(file, found)
    }
    return found
  }
  const tray = new Tray(image(options.initial.icon))
  let shown: TrayModel | null = null
  let menu: Menu | null = null
  if (options.platform !== 'darwin') tray.on('click', () => options.onAction('toggle-window'))

  const render = (model: TrayModel) => {
    if (shown?.icon !== model.icon) tray.setImage(image(model.icon))
    if (shown?.tooltip !== model.tooltip) tray.setToolTip(model.tooltip)
    if (!shown || JSON.stringify(shown.items) !== JSON.stringify(model.items)) {
      menu = Menu.buildFromTemplate(
        model.items.map((item) =>
          item.type === 'separator'
            ? { type: 'separator' as const }
            : { label: item.label, enabled: item.enabled, click: () => options.onAction(item.action) },
        ),
      )
      tray.setContextMenu(menu)
    }
    shown = model
  }
  render(options.initial)

  return {
    render,
    describe: () => ({
      tooltip: shown?.tooltip ?? '',
      items: (menu?.items ?? []).map((item) => ({
        label: item.label,
        enabled: item.enabled,
        type: item.type,
      })),
    }),
    destroy: () => tray.destroy(),
  }
}
