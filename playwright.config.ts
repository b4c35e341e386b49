import { defineConfig, type PlaywrightTestOptions, type PlaywrightWorkerOptions } from '@playwright/test'
import { findChromium } from './test/e2e/fixtures/chromium-path'

const chromium = findChromium()

/** Chromium as every browser project runs it. */
const chromiumUse: Partial<PlaywrightTestOptions & PlaywrightWorkerOptions> = {
  browserName: 'chromium',
  viewport: { width: 1200, height: 760 },
  launchOptions: {
    ...('path' in chromium ? { executablePath: chromium.path } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  },
  trace: 'retain-on-failure',
}

/**
 * `browser`: the built renderer in Chromium, against a service exposed by the test as
 * `window.fichier`. `served`: Chromium on a real `fichier serve` process and its WebSocket.
 * `electron`: the packaged app itself. A global setup builds the renderer when it is stale and
 * serves it over loopback.
 */
export default defineConfig({
  globalSetup: './test/e2e/fixtures/global-setup.ts',
  outputDir: 'test-results',
  reporter: process.env['CI'] ? 'line' : [['list']],
  fullyParallel: false,
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  retries: 0,
  forbidOnly: !!process.env['CI'],
  projects: [
    {
      name: 'browser',
      testDir: './test/e2e/browser',
      use: chromiumUse,
    },
    {
      name: 'served',
      testDir: './test/e2e/served',
      timeout: 60_000,
      use: chromiumUse,
    },
    {
      name: 'electron',
      testDir: './test/e2e/electron',
      timeout: 60_000,
    },
  ],
})
