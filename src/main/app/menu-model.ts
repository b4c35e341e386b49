import { z } from 'zod'
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
export function applicationMenuModel({ platform, dev }: MenuContext): MenuSection[] {
  const mac = platform === 'darwin'
  const sections: MenuSection[] = []
  if (mac) {
    sections.push({
      label: PRODUCT_NAME,
      entries: [
        { type: 'command', command: 'about', label: `About ${PRODUCT_NAME}` },
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
    label: 'File',
    entries: [
      { type: 'command', command: 'add-links', label: 'Add links…', accelerator: 'CmdOrCtrl+N' },
      { type: 'command', command: 'upload-files', label: 'Upload files…', accelerator: 'CmdOrCtrl+U' },
      {
        type: 'command',
        command: 'upload-folder',
        label: 'Upload folder…',
        accelerator: 'CmdOrCtrl+Shift+U',
      },
      separator,
      role('close', 'Close window'),
      ...(mac ? [] : [separator, role('quit', 'Quit')]),
    ],
  })
  sections.push({
    label: 'Edit',
    entries: [
      role('undo'),
      role('redo'),
      separator,
      role('cut'),
      role('copy'),
      role('paste'),
      ...(mac ? [role('pasteAndMatchStyle')] : []),
      role('delete'),
      separator,
      role('selectAll'),
    ],
  })
  sections.push({
    label: 'View',
    entries: [
      ...(dev ? [role('reload'), role('forceReload'), role('toggleDevTools'), separator] : []),
      role('resetZoom'),
      role('zoomIn'),
      role('zoomOut'),
      separator,
      role('togglefullscreen'),
    ],
  })
  sections.push({
    label: 'Window',
    role: 'windowMenu',
    entries: mac
      ? [role('minimize'), role('zoom'), separator, role('front')]
      : [role('minimize'), role('close')],
  })
  sections.push({
    label: 'Help',
    role: 'help',
    entries: [
      { type: 'command', command: 'open-logs', label: 'Open logs folder' },
      separator,
      { type: 'command', command: 'about', label: `About ${PRODUCT_NAME}` },
    ],
  })
  return sections
}
