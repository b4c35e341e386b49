import type { WebContents } from 'electron'
import { EVENT_CHANNELS, type EventChannel } from '../../../shared/contract'
import type { EventMap } from '../../core/ipc/handlers'
import type { TypedEmitter } from '../../core/lib/typed-emitter'
import { eventViolation } from './event-check'

/**
 * Events that must not be lost when no page listens yet (the window is still loading): the last
 * one is kept and delivered to the first page that says `app:ready`. State events need no such
 * care: a page takes a snapshot when it starts.
 */
const KEPT_UNTIL_READY: ReadonlySet<EventChannel> = new Set(['app:request'])

export interface ForwardOptions {
  /** Development builds: each payload is checked against the contract before it leaves main. */
  validate?: boolean
  /** Told of a payload that broke the contract (it is not sent). */
  onInvalid?: (message: string) => void
}

/** Pushes every contract event to the pages that said `app:ready`; returns `{ add, dispose }`. */
export function forwardEvents(events: Pick<TypedEmitter<EventMap>, 'on'>, options: ForwardOptions = {}) {
  const targets = new Set<WebContents>()
  const kept = new Map<EventChannel, unknown>()
  const unsubscribers = EVENT_CHANNELS.map((channel) =>
    events.on(channel, (payload) => {
      const violation = options.validate ? eventViolation(channel, payload) : null
      if (violation !== null) {
        options.onInvalid?.(violation)
        return
      }
      for (const contents of targets) {
        if (contents.isDestroyed()) targets.delete(contents)
      }
      if (targets.size === 0 && KEPT_UNTIL_READY.has(channel)) kept.set(channel, payload)
      for (const contents of targets) contents.send(channel, payload)
    }),
  )
  return {
    add(contents: WebContents) {
      if (targets.has(contents)) return
      targets.add(contents)
      contents.once('destroyed', () => targets.delete(contents))
      for (const [channel, payload] of kept) contents.send(channel, payload)
      kept.clear()
    },
    dispose() {
      for (const unsubscribe of unsubscribers) unsubscribe()
      targets.clear()
      kept.clear()
    },
  }
}
