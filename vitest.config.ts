import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/main/**/*.test.ts', 'test/emulator/**/*.test.ts', 'test/renderer/**/*.test.ts?(x)'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
})
