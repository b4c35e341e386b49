import type {
  EventChannel,
  EventPayload,
  InvokeChannel,
  InvokeOutput,
  InvokeParsed,
} from '../../../shared/contract'
import type { TypedEmitter } from '../lib/typed-emitter'

/** One handler per command: the map is exhaustive, so a new channel without a handler fails to compile. */
export type Handlers = {
  [C in InvokeChannel]: (input: InvokeParsed<C>) => Promise<InvokeOutput<C>> | InvokeOutput<C>
}

export type EventMap = { [E in EventChannel]: EventPayload<E> }

/** What the transports need from the core: the handlers and the events they forward. */
export interface ServiceEndpoint {
  readonly handlers: Handlers
  readonly events: TypedEmitter<EventMap>
}
