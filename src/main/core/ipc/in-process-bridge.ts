import {
  eventSchemas,
  type EventChannel,
  type EventPayload,
  type FichierBridge,
  type InvokeChannel,
  type InvokeInput,
  type InvokeOutput,
  type IpcResult,
} from '../../../shared/contract'
import { createDispatch, type DispatchOptions } from './dispatch'
import type { ServiceEndpoint } from './handlers'

/**
 * The contract without Electron: the same validation and envelopes as the app's IPC, called
 * directly. Tests, the CLI and browser end-to-end tests use it. Inputs and outputs are cloned
 * through JSON so that nothing but plain data crosses, as over real IPC.
 */
export function createInProcessBridge(
  service: ServiceEndpoint,
  options: DispatchOptions = { validateOutputs: true },
): FichierBridge {
  const dispatch = createDispatch(service.handlers, options)
  return {
    async invoke<C extends InvokeChannel>(channel: C, input: InvokeInput<C>) {
      const result = await dispatch(channel, structuredClone(input))
      return JSON.parse(JSON.stringify(result)) as IpcResult<InvokeOutput<C>>
    },
    on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void) {
      return service.events.on(event, (payload) => {
        if (options.validateOutputs) eventSchemas[event].parse(payload)
        listener(structuredClone(payload))
      })
    },
  }
}
