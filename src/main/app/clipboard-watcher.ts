import { clipboard } from 'electron'
import { clipboardOffer, type ClipboardOffer } from './clipboard-offer'

const POLL_MS = 1500

/**
 * Opt-in clipboard watching: new 1fichier links copied anywhere raise `onOffer` (which asks the
 * user); nothing is added silently. What was in the clipboard when watching started is not offered,
 * nor is the same text twice, nor links already queued.
 */
export function createClipboardWatcher(options: {
  known: () => Iterable<string>
  onOffer: (offer: ClipboardOffer) => Promise<void>
}) {
  let timer: ReturnType<typeof setInterval> | null = null
  let previous: string | null = null
  let asking = false

  const poll = () => {
    if (asking) return
    const text = clipboard.readText()
    const offer = clipboardOffer(text, previous, options.known())
    previous = text
    if (!offer) return
    asking = true
    void options.onOffer(offer).finally(() => {
      asking = false
    })
  }

  return {
    setEnabled(enabled: boolean): void {
      if (enabled && timer === null) {
        previous = clipboard.readText()
        timer = setInterval(poll, POLL_MS)
      } else if (!enabled && timer !== null) {
        clearInterval(timer)
        timer = null
      }
    },
    dispose(): void {
      if (timer !== null) clearInterval(timer)
      timer = null
    },
  }
}
