import type { PreloadBridge } from '../shared/contract/api'

declare global {
  interface Window {
    /** The preload bridge: the renderer's only way to main. Only `lib/ipc.ts` reads it. */
    readonly fichier: PreloadBridge
  }
}

export {}
