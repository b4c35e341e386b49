import { describe, expect, it } from 'vitest'
import { applicationMenuModel, type MenuEntry, type MenuSection } from '../../../src/main/app/menu-model'
import { desktopLocale } from '../../../src/main/app/desktop-text'

const EN = desktopLocale('en')

function describeEntry(entry: MenuEntry): string {
  if (entry.type === 'separator') return '—'
  const name = entry.type === 'command' ? entry.label : (entry.label ?? entry.role)
  return entry.accelerator ? `${name} [${entry.accelerator}]` : name
}

function outline(sections: MenuSection[]) {
  return Object.fromEntries(sections.map((section) => [section.label, section.entries.map(describeEntry)]))
}

describe('the application menu model', () => {
  it('on Windows and Linux: File, Edit, View, Window and Help, with our commands and accelerators', () => {
    for (const platform of ['win32', 'linux']) {
      expect(outline(applicationMenuModel({ platform, dev: false, locale: EN }))).toEqual({
        File: [
          'Add links… [CmdOrCtrl+N]',
          'Upload files… [CmdOrCtrl+U]',
          'Upload folder… [CmdOrCtrl+Shift+U]',
          '—',
          'Close window',
          '—',
          'Quit',
        ],
        Edit: ['Undo', 'Redo', '—', 'Cut', 'Copy', 'Paste', 'Delete', '—', 'Select all'],
        View: ['Actual size', 'Zoom in', 'Zoom out', '—', 'Toggle full screen'],
        Window: ['Minimize', 'Close'],
        Help: ['Open logs folder', '—', 'About Fichier Desk'],
      })
    }
  })

  it('on macOS: the app menu first (About, Services, Hide, Quit), Quit not in File, the standard Window menu', () => {
    const sections = applicationMenuModel({ platform: 'darwin', dev: false, locale: EN })
    expect(sections.map((section) => section.label)).toEqual([
      'Fichier Desk',
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ])
    const menus = outline(sections)
    expect(menus['Fichier Desk']).toEqual([
      'About Fichier Desk',
      '—',
      'services',
      '—',
      'hide',
      'hideOthers',
      'unhide',
      '—',
      'quit',
    ])
    expect(menus['File']).toEqual([
      'Add links… [CmdOrCtrl+N]',
      'Upload files… [CmdOrCtrl+U]',
      'Upload folder… [CmdOrCtrl+Shift+U]',
      '—',
      'Close window',
    ])
    expect(menus['Edit']).toContain('pasteAndMatchStyle')
    expect(menus['Window']).toEqual(['minimize', 'zoom', '—', 'front'])
    expect(sections.find((section) => section.label === 'Window')?.role).toBe('windowMenu')
    expect(sections.find((section) => section.label === 'Help')?.role).toBe('help')
  })

  it('adds Reload and the developer tools only to development builds', () => {
    expect(
      outline(applicationMenuModel({ platform: 'linux', dev: true, locale: EN }))['View']?.slice(0, 4),
    ).toEqual(['reload', 'forceReload', 'toggleDevTools', '—'])
    const released = JSON.stringify(applicationMenuModel({ platform: 'linux', dev: false, locale: EN }))
    expect(released).not.toContain('toggleDevTools')
    expect(released).not.toContain('reload')
  })

  it('gives every accelerator to one item only, on every platform', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      const accelerators = applicationMenuModel({ platform, dev: true, locale: EN })
        .flatMap((section) => section.entries)
        .flatMap((entry) => (entry.type !== 'separator' && entry.accelerator ? [entry.accelerator] : []))
      expect(accelerators.length).toBeGreaterThan(0)
      expect(new Set(accelerators).size).toBe(accelerators.length)
    }
  })

  it('reaches every command of ours on every platform', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      const commands = applicationMenuModel({ platform, dev: false, locale: EN })
        .flatMap((section) => section.entries)
        .flatMap((entry) => (entry.type === 'command' ? [entry.command] : []))
      expect(new Set(commands)).toEqual(
        new Set(['add-links', 'upload-files', 'upload-folder', 'about', 'open-logs']),
      )
    }
  })

  it('speaks French when the interface does', () => {
    const menu = outline(applicationMenuModel({ platform: 'linux', dev: false, locale: desktopLocale('fr') }))
    expect(Object.keys(menu)).toEqual(['Fichier', 'Édition', 'Affichage', 'Fenêtre', 'Aide'])
    expect(menu['Fichier']?.slice(0, 3)).toEqual([
      'Ajouter des liens… [CmdOrCtrl+N]',
      'Envoyer des fichiers… [CmdOrCtrl+U]',
      'Envoyer un dossier… [CmdOrCtrl+Shift+U]',
    ])
    expect(menu['Aide']).toEqual(['Ouvrir le dossier des journaux', '—', 'À propos de Fichier Desk'])
  })
})
