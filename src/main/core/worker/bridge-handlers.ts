import { INVOKE_CHANNELS, type FichierBridge, type InvokeChannel } from '../../../shared/contract'
import type { Handlers } from '../ipc/handlers'
import { AppError } from '../lib/app-error'

/**
 * Handlers that pass each command on to a bridge (the core in its worker thread) and give back its
 * value, its refusal as the same `AppError`. With `createDispatch` over them, the thread that takes
 * the window's calls still checks every input against the contract before anything is sent on.
 */
export function bridgeHandlers(bridge: FichierBridge): Handlers {
  const forward = (channel: InvokeChannel) => async (input: unknown) => {
    const result = await bridge.invoke(channel, input as never)
    if (!result.ok) throw new AppError(result.error.code, result.error.message)
    return result.value
  }
  return Object.fromEntries(INVOKE_CHANNELS.map((channel) => [channel, forward(channel)])) as Handlers
}
