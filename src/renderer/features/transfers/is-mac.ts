import { isMacPlatform } from './transfer-keymap'

/** Whether this window runs on macOS (Cmd instead of Ctrl for shortcuts and multi-selection). */
export const IS_MAC = typeof navigator !== 'undefined' && isMacPlatform(navigator.userAgent)
