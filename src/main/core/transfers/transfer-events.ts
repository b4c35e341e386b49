import type { EventPayload } from '../../../shared/contract'

/** A numbered batch of lifecycle changes: the payload of `transfers:changed`. */
export type ChangeBatch = EventPayload<'transfers:changed'>

/** One progress tick for every running transfer: the payload of `transfers:progress`. */
export type ProgressTick = EventPayload<'transfers:progress'>

/** What the transfer engine tells its listeners, named as the contract's events. */
export type TransferEvents = {
  changed: ChangeBatch
  progress: ProgressTick
}
