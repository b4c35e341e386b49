import type {
  EventChannel,
  EventPayload,
  FichierBridge,
  InvokeChannel,
  InvokeInput,
  InvokeOutput,
} from '../../shared/contract'
import { IpcCallError } from './ipc-call-error'

/** The renderer's typed view of a bridge: values instead of envelopes, errors as `IpcCallError`. */
export interface IpcClient {
  call<C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<InvokeOutput<C>>
  subscribe<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

export function createIpcClient(bridge: FichierBridge): IpcClient {
  return {
    async call(channel, input) {
      let result
      try {
        result = await bridge.invoke(channel, input)
      } catch (error) {
        throw new IpcCallError(channel, 'TRANSPORT', `${channel} could not reach the app: ${String(error)}`, {
          cause: error,
        })
      }
      if (result.ok) return result.value
      throw new IpcCallError(channel, result.error.code, result.error.message)
    },
    subscribe(event, listener) {
      return bridge.on(event, listener)
    },
  }
}
