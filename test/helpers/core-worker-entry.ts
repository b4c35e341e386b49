/** How tests and the benchmark start the core's worker thread from the TypeScript sources. */
export function coreWorkerEntry(): { entry: URL; argv: string[] } {
  return {
    entry: new URL('./ts-worker-loader.mjs', import.meta.url),
    argv: [new URL('../../src/main/core/worker/core-worker-entry.ts', import.meta.url).href],
  }
}
