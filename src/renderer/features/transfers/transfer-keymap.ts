import { z } from 'zod'

/** What a key does in the Transfers view. */
export const TransferShortcut = z.enum([
  'remove',
  'toggle-pause',
  'select-all',
  'clear-selection',
  'add',
  'previous',
  'next',
])
export type TransferShortcut = z.infer<typeof TransferShortcut>

export interface KeyInput {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

/** What the keyboard shortcut map says a key press means, with `extend` for Shift+arrow. */
export interface ShortcutMatch {
  shortcut: TransferShortcut
  extend: boolean
}

/** True on macOS, where Cmd plays the part of Ctrl. */
export function isMacPlatform(platform: string): boolean {
  return /mac|darwin|iphone|ipad/i.test(platform)
}

/**
 * The shortcut a key press stands for, or null. `mac` picks Cmd over Ctrl as the command key;
 * Backspace removes too on macOS, whose keyboards often have no Delete key.
 */
export function shortcutFor(input: KeyInput, mac: boolean): ShortcutMatch | null {
  const command = mac ? input.metaKey : input.ctrlKey
  const other = mac ? input.ctrlKey : input.metaKey
  if (input.altKey || other) return null
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key
  const plain = (shortcut: TransferShortcut): ShortcutMatch => ({ shortcut, extend: false })
  if (command) {
    if (input.shiftKey) return null
    if (key === 'a') return plain('select-all')
    if (key === 'n') return plain('add')
    if (mac && key === 'Backspace') return plain('remove')
    return null
  }
  switch (key) {
    case 'ArrowUp':
      return { shortcut: 'previous', extend: input.shiftKey }
    case 'ArrowDown':
      return { shortcut: 'next', extend: input.shiftKey }
  }
  if (input.shiftKey) return null
  switch (key) {
    case 'Delete':
      return plain('remove')
    case ' ':
      return plain('toggle-pause')
    case 'Escape':
      return plain('clear-selection')
  }
  return null
}

/** Names of the keys a hint spells out, in the interface's language. */
export interface KeyNames {
  space: string
  delete: string
  escape: string
}

/** How a shortcut is written in a button's title, e.g. `Ctrl+A`, `⌘A` or `Suppr`. */
export function shortcutHint(shortcut: TransferShortcut, mac: boolean, names: KeyNames): string {
  const command = mac ? '⌘' : 'Ctrl+'
  switch (shortcut) {
    case 'remove':
      return mac ? '⌘⌫' : names.delete
    case 'toggle-pause':
      return names.space
    case 'select-all':
      return `${command}A`
    case 'clear-selection':
      return names.escape
    case 'add':
      return `${command}N`
    case 'previous':
      return '↑'
    case 'next':
      return '↓'
  }
}
