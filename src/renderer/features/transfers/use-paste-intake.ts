import { useEffect } from 'react'
import { IS_MAC } from './is-mac'
import { shortcutFor } from './transfer-keymap'

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return (
    target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement
  )
}

/**
 * Opens the Add dialog from anywhere: `onText` gets what is pasted outside a text field
 * (Ctrl/Cmd+V on the window), or an empty text for Ctrl/Cmd+N.
 */
export function usePasteIntake(onText: (text: string) => void): void {
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (isTextField(event.target)) return
      const text = event.clipboardData?.getData('text/plain') ?? ''
      if (text.trim() === '') return
      event.preventDefault()
      onText(text)
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || shortcutFor(event, IS_MAC)?.shortcut !== 'add') return
      if (event.target instanceof HTMLElement && event.target.closest('dialog')) return
      event.preventDefault()
      onText('')
    }
    window.addEventListener('paste', onPaste)
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('paste', onPaste)
      window.removeEventListener('keydown', onKey)
    }
  }, [onText])
}
