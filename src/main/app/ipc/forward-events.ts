import type { WebContents } from 'electron'
import { EVENT_CHANNELS } from '../../../shared/contract'
import type { EventMap } from '../../core/ipc/handlers'
import type { TypedEmitter } from '../../core/lib/typed-emitter'

/** Pushes every contract event to the pages that said `app:ready`; returns `{ add, dispose }`. */
export function forwardEvents(events: TypedEmitter<EventMap>) {
  const targets = new Set<WebContents>()
  const unsubscribers = EVENT_CHANNELS.map((channel) =>
    events.on(channel, (payload) => {
      for (const contents of targets) {
        if (contents.isDestroyed()) targets.delete(contents)
        else contents.send(channel, payload)
      }
    }),
  )
  return {
    add(contents: WebContents) {
      if (targets.has(contents)) return
      targets.add(contents)
      contents.once('destroyed', () => targets.delete(contents))
    },
    dispose() {
      for (const unsubscribe of unsubscribers) unsubscribe()
      targets.clear()
    },
  }
}
