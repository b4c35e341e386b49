import { contextBridge, ipcRenderer, webUtils } from 'electron'
import type { PreloadBridge } from '../shared/contract/api'
import { isEventChannel, isInvokeChannel } from '../shared/contract/channels'

/**
 * The renderer's only door to main: allow-listed commands and events of the contract, and the
 * local path of a dropped file. No ipcRenderer, no generic send, no process.env.
 */
const bridge: PreloadBridge = {
  invoke(channel, input) {
    if (!isInvokeChannel(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: `Unknown command "${String(channel)}"` },
      })
    }
    return ipcRenderer.invoke(channel, input)
  },
  on(event, listener) {
    if (!isEventChannel(event) || typeof listener !== 'function') {
      throw new TypeError(`Unknown event "${String(event)}"`)
    }
    const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload as never)
    ipcRenderer.on(event, wrapped)
    return () => {
      ipcRenderer.removeListener(event, wrapped)
    }
  },
  pathForFile(file) {
    if (!(file instanceof File)) throw new TypeError('pathForFile expects a File from a drop or a file input')
    return webUtils.getPathForFile(file)
  },
}

contextBridge.exposeInMainWorld('fichier', bridge)
