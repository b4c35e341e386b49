import { Menu, type MenuItemConstructorOptions } from 'electron'
import type { MenuCommand, MenuEntry, MenuSection } from './menu-model'

function toItem(entry: MenuEntry, onCommand: (command: MenuCommand) => void): MenuItemConstructorOptions {
  switch (entry.type) {
    case 'separator':
      return { type: 'separator' }
    case 'role':
      return {
        role: entry.role,
        ...(entry.label ? { label: entry.label } : {}),
        ...(entry.accelerator ? { accelerator: entry.accelerator } : {}),
      }
    case 'command':
      return {
        label: entry.label,
        ...(entry.accelerator ? { accelerator: entry.accelerator } : {}),
        click: () => onCommand(entry.command),
      }
  }
}

/** Renders the application menu model and installs it. */
export function installApplicationMenu(
  sections: readonly MenuSection[],
  onCommand: (command: MenuCommand) => void,
): void {
  const template: MenuItemConstructorOptions[] = sections.map((section) => ({
    label: section.label,
    ...(section.role ? { role: section.role } : {}),
    submenu: section.entries.map((entry) => toItem(entry, onCommand)),
  }))
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
