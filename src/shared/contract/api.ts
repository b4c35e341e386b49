import type { EventChannel, InvokeChannel } from './channels'
import type { EventPayload } from './events'
import type { InvokeInput, InvokeOutput } from './invoke'
import type { IpcResult } from './result'

/**
 * The one interface every transport offers: the preload bridge (`window.fichier`), the in-process
 * binding used by tests and the CLI, and the binding a browser test exposes to the page.
 */
export interface FichierBridge {
  invoke<C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<IpcResult<InvokeOutput<C>>>
  on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

/** The preload adds what only it can do: the local path of a dropped `File`. */
export interface PreloadBridge extends FichierBridge {
  pathForFile(file: unknown): string
}
