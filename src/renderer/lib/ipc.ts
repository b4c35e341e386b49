import { createIpcClient, type IpcClient } from './ipc-client'
import { createWebBridge, type ConnectionState, type WebBridge } from './web-bridge'

/**
 * The one module that touches `window.fichier`. Everything else receives an `IpcClient` (or the
 * functions below), so stores and views can run against any bridge. The transport is chosen once:
 * the Electron preload when it is there, else the server's WebSocket (`fichier serve`).
 */
let client: IpcClient | null = null
let web: WebBridge | null = null

/** `electron`: the desktop app (or a test that injects its bridge); `web`: a page served by `fichier serve`. */
export function transportKind(): 'electron' | 'web' {
  return typeof window.fichier === 'object' && window.fichier !== null ? 'electron' : 'web'
}

export function ipcClient(): IpcClient {
  if (client) return client
  if (transportKind() === 'electron') client = createIpcClient(window.fichier)
  else {
    web = createWebBridge()
    client = createIpcClient(web)
  }
  return client
}

export const call: IpcClient['call'] = (channel, input) => ipcClient().call(channel, input)

export const subscribe: IpcClient['subscribe'] = (event, listener) => ipcClient().subscribe(event, listener)

/**
 * Told when the connection to the server drops and comes back (`lost`, then `open`); never told on
 * the desktop, whose bridge cannot drop.
 */
export function onConnection(listener: (state: ConnectionState) => void): () => void {
  ipcClient()
  return web ? web.onConnection(listener) : () => undefined
}

/** The local path of a dropped or picked `File` (resolved by the preload; browser tests register their own). */
export function pathForFile(file: File): string {
  if (transportKind() === 'web') {
    throw new Error('A page in the browser cannot hand local files to the server by path.')
  }
  return window.fichier.pathForFile(file)
}
