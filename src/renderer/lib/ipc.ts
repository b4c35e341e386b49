import { createIpcClient, type IpcClient } from './ipc-client'

/**
 * The one module that touches `window.fichier`. Everything else receives an `IpcClient` (or the
 * functions below), so stores and views can run against any bridge.
 */
let client: IpcClient | null = null

export function ipcClient(): IpcClient {
  client ??= createIpcClient(window.fichier)
  return client
}

export const call: IpcClient['call'] = (channel, input) => ipcClient().call(channel, input)

export const subscribe: IpcClient['subscribe'] = (event, listener) => ipcClient().subscribe(event, listener)

/** The local path of a dropped or picked `File` (resolved by the preload; browser tests register their own). */
export function pathForFile(file: File): string {
  return window.fichier.pathForFile(file)
}
