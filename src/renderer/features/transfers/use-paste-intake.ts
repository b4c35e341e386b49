import { useEffect } from 'react'
import { carriesLinks, droppedText } from './dropped-links'
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
 * (Ctrl/Cmd+V on the window), text or links dropped outside a text field, or an empty text for
 * Ctrl/Cmd+N.
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
    const takesLinks = (event: DragEvent) =>
      !isTextField(event.target) && carriesLinks(Array.from(event.dataTransfer?.types ?? []))
    const onDragOver = (event: DragEvent) => {
      if (!takesLinks(event)) return
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    }
    const onDrop = (event: DragEvent) => {
      if (!takesLinks(event) || !event.dataTransfer) return
      event.preventDefault()
      const text = droppedText(
        event.dataTransfer.getData('text/plain'),
        event.dataTransfer.getData('text/uri-list'),
      )
      if (text.trim() !== '') onText(text)
    }
    window.addEventListener('paste', onPaste)
    window.addEventListener('keydown', onKey)
    window.addEventListener('dragover', onDragOver)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('paste', onPaste)
      window.removeEventListener('keydown', onKey)
      window.removeEventListener('dragover', onDragOver)
      window.removeEventListener('drop', onDrop)
    }
  }, [onText])
}
