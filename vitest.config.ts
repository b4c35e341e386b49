import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/main/**/*.test.ts', 'test/emulator/**/*.test.ts', 'test/renderer/**/*.test.ts?(x)'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Most tests wait (on the emulator, child processes, real timers) rather than compute: three files at a
    // time on two cores more than halves the run (687 s → 295 s here), with every test unchanged.
    maxWorkers: 3,
  },
})
