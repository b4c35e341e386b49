import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

/**
 * The packaging check, apart from `vitest run` because packing rebuilds `out/`: `npm test` runs it as a step of
 * its own, after the build (`npx vitest run --config test/packaging/vitest.config.ts`).
 */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/packaging/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
})
