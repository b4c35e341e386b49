import { chmod } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// Main is ESM; the preload is CommonJS because sandboxed preloads cannot load ES modules.
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // cli: the `fichier` command (out/main/cli.js), plain Node on the same core.
        // core-worker-entry: the app's core thread (out/main/core-worker-entry.js, found next to index.js).
        input: {
          index: resolve('src/main/index.ts'),
          cli: resolve('src/main/cli.ts'),
          'core-worker-entry': resolve('src/main/core/worker/core-worker-entry.ts'),
        },
        output: { banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : '') },
      },
    },
    plugins: [
      {
        name: 'cli-executable',
        async writeBundle(options, bundle) {
          if ('cli.js' in bundle && options.dir) await chmod(join(options.dir, 'cli.js'), 0o755)
        },
      },
    ],
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [react()],
  },
})
