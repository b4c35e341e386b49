import { describe, expect, it } from 'vitest'
import {
  isMacPlatform,
  shortcutFor,
  shortcutHint,
  TransferShortcut,
  type KeyInput,
} from '../../../src/renderer/features/transfers/transfer-keymap'

const key = (k: string, modifiers: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers,
})
const names = { space: 'Space', delete: 'Delete', escape: 'Esc' }

describe('the keyboard shortcuts of the Transfers view', () => {
  it('maps the keys of Windows and Linux', () => {
    expect(shortcutFor(key('Delete'), false)).toEqual({ shortcut: 'remove', extend: false })
    expect(shortcutFor(key(' '), false)).toEqual({ shortcut: 'toggle-pause', extend: false })
    expect(shortcutFor(key('a', { ctrlKey: true }), false)?.shortcut).toBe('select-all')
    expect(shortcutFor(key('A', { ctrlKey: true }), false)?.shortcut).toBe('select-all')
    expect(shortcutFor(key('Escape'), false)?.shortcut).toBe('clear-selection')
    expect(shortcutFor(key('n', { ctrlKey: true }), false)?.shortcut).toBe('add')
    expect(shortcutFor(key('ArrowDown'), false)).toEqual({ shortcut: 'next', extend: false })
    expect(shortcutFor(key('ArrowUp', { shiftKey: true }), false)).toEqual({
      shortcut: 'previous',
      extend: true,
    })
  })

  it('uses Cmd on macOS, where Cmd+Backspace removes', () => {
    expect(shortcutFor(key('a', { metaKey: true }), true)?.shortcut).toBe('select-all')
    expect(shortcutFor(key('n', { metaKey: true }), true)?.shortcut).toBe('add')
    expect(shortcutFor(key('Backspace', { metaKey: true }), true)?.shortcut).toBe('remove')
    expect(shortcutFor(key('a', { ctrlKey: true }), true)).toBeNull()
    expect(shortcutFor(key('a', { metaKey: true }), false)).toBeNull()
    expect(shortcutFor(key('Backspace', { ctrlKey: true }), false)).toBeNull()
  })

  it('leaves other keys and extra modifiers to the page', () => {
    expect(shortcutFor(key('a'), false)).toBeNull()
    expect(shortcutFor(key('v', { ctrlKey: true }), false)).toBeNull()
    expect(shortcutFor(key('Delete', { shiftKey: true }), false)).toBeNull()
    expect(shortcutFor(key('Delete', { altKey: true }), false)).toBeNull()
    expect(shortcutFor(key('a', { ctrlKey: true, shiftKey: true }), false)).toBeNull()
    expect(shortcutFor(key(' ', { ctrlKey: true }), false)).toBeNull()
  })

  it('writes every shortcut for button titles, in the words given', () => {
    for (const shortcut of TransferShortcut.options) {
      expect(shortcutHint(shortcut, false, names)).not.toBe('')
      expect(shortcutHint(shortcut, true, names)).not.toBe('')
    }
    expect(shortcutHint('select-all', false, names)).toBe('Ctrl+A')
    expect(shortcutHint('select-all', true, names)).toBe('⌘A')
    expect(shortcutHint('remove', false, { ...names, delete: 'Suppr' })).toBe('Suppr')
    expect(shortcutHint('toggle-pause', false, { ...names, space: 'Espace' })).toBe('Espace')
    expect(shortcutHint('add', false, names)).toBe('Ctrl+N')
  })

  it('recognises macOS from the user agent or the platform name', () => {
    expect(isMacPlatform('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Electron/39')).toBe(true)
    expect(isMacPlatform('darwin')).toBe(true)
    expect(isMacPlatform('Mozilla/5.0 (X11; Linux x86_64) Chrome/140')).toBe(false)
    expect(isMacPlatform('win32')).toBe(false)
  })
})
