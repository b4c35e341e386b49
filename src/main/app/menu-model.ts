import { z } from 'zod'
import type { DesktopLocale } from './desktop-text'
import { PRODUCT_NAME } from './tray-model'

/** What our own menu items do; everything else is an Electron role. */
export const MenuCommand = z.enum(['add-links', 'upload-files', 'upload-folder', 'about', 'open-logs'])
export type MenuCommand = z.infer<typeof MenuCommand>

/** The Electron roles the menu uses (a subset of `MenuItemConstructorOptions['role']`). */
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'close'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'minimize'
  | 'zoom'
  | 'front'

export type MenuEntry =
  | { type: 'command'; command: MenuCommand; label: string; accelerator?: string }
  | { type: 'role'; role: MenuRole; label?: string; accelerator?: string }
  | { type: 'separator' }

export interface MenuSection {
  label: string
  /** `window` and `help` sections get the OS behaviour attached to those roles (macOS). */
  role?: 'windowMenu' | 'help'
  entries: MenuEntry[]
}

export interface MenuContext {
  platform: string
  /** Development builds get Reload and the developer tools. */
  dev: boolean
  locale: DesktopLocale
}

const separator: MenuEntry = { type: 'separator' }
const role = (name: MenuRole, label?: string): MenuEntry => ({
  type: 'role',
  role: name,
  ...(label ? { label } : {}),
})

/**
 * The application menu: File (Add links…, Upload files…, Upload folder…), Edit, View, Window and Help
 * (About, Open logs folder), with the macOS app menu in front on macOS.
 */
export function applicationMenuModel({ platform, dev, locale }: MenuContext): MenuSection[] {
  const { t } = locale
  const mac = platform === 'darwin'
  const sections: MenuSection[] = []
  if (mac) {
    sections.push({
      label: PRODUCT_NAME,
      entries: [
        { type: 'command', command: 'about', label: t('menu.about') },
        separator,
        role('services'),
        separator,
        role('hide'),
        role('hideOthers'),
        role('unhide'),
        separator,
        role('quit'),
      ],
    })
  }
  sections.push({
    label: t('menu.file'),
    entries: [
      { type: 'command', command: 'add-links', label: t('menu.addLinks'), accelerator: 'CmdOrCtrl+N' },
      { type: 'command', command: 'upload-files', label: t('menu.uploadFiles'), accelerator: 'CmdOrCtrl+U' },
      {
        type: 'command',
        command: 'upload-folder',
        label: t('menu.uploadFolder'),
        accelerator: 'CmdOrCtrl+Shift+U',
      },
      separator,
      role('close', t('menu.closeWindow')),
      ...(mac ? [] : [separator, role('quit', t('menu.quit'))]),
    ],
  })
  sections.push({
    label: t('menu.edit'),
    entries: [
      role('undo', t('menu.undo')),
      role('redo', t('menu.redo')),
      separator,
      role('cut', t('menu.cut')),
      role('copy', t('menu.copy')),
      role('paste', t('menu.paste')),
      ...(mac ? [role('pasteAndMatchStyle')] : []),
      role('delete', t('menu.delete')),
      separator,
      role('selectAll', t('menu.selectAll')),
    ],
  })
  sections.push({
    label: t('menu.view'),
    entries: [
      ...(dev ? [role('reload'), role('forceReload'), role('toggleDevTools'), separator] : []),
      role('resetZoom', t('menu.resetZoom')),
      role('zoomIn', t('menu.zoomIn')),
      role('zoomOut', t('menu.zoomOut')),
      separator,
      role('togglefullscreen', t('menu.fullScreen')),
    ],
  })
  sections.push({
    label: t('menu.window'),
    role: 'windowMenu',
    entries: mac
      ? [role('minimize'), role('zoom'), separator, role('front')]
      : [role('minimize', t('menu.minimize')), role('close', t('menu.close'))],
  })
  sections.push({
    label: t('menu.help'),
    role: 'help',
    entries: [
      { type: 'command', command: 'open-logs', label: t('menu.openLogs') },
      separator,
      { type: 'command', command: 'about', label: t('menu.about') },
    ],
  })
  return sections
}
