/**
 * The built core thread's module, which the build emits next to the app's main module (the
 * `core-worker-entry` input of electron.vite.config.ts).
 */
export function coreWorkerFileBeside(mainModule: string | URL): URL {
  return new URL('./core-worker-entry.js', mainModule)
}
