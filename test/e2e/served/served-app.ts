import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { runCli, startCli, type CliStart } from '../../main/cli/cli-process'
import { EMULATOR_ACCOUNTS } from '../fixtures/emulator-accounts'

/** A real `fichier serve` process on a free loopback port, on the emulator, with its folders. */
export interface ServedApp {
  url: string
  stateDir: string
  downloadDir: string
  /** What the server process gets in its environment (the key, the emulator's address). */
  env: Record<string, string | undefined>
  /** Everything the server processes wrote so far. */
  output(): string
  /** Stops the server with SIGTERM and answers its exit code and output. */
  stop(): Promise<{ code: number | null; output: string }>
  /** Stops the server and starts it again on the same address and state folder. */
  restart(): Promise<void>
  /** Whether the server was ever stopped (the page then fails to reach it for a while, as it should). */
  stopped(): boolean
}

interface Fixtures {
  /** The key the server starts with (FICHIER_API_KEY): the emulator's Premium key, or null for none. */
  serveKey: string | null
  /** A password set with `fichier serve --set-password` before the start (the page then logs in first). */
  servePassword: string | null
  /** More options of `fichier serve` (e.g. `--root DIR`). */
  serveArgs: string[]
  emulator: RunningEmulator
  served: ServedApp
  /** The page at the server's URL, showing its frame; fails the test if it logged errors. */
  page: Page
}

/** Waits for `serving on URL` on stdout; fails with the output if the process ends first. */
async function servingUrl(cli: CliStart): Promise<string> {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    const match = /^serving on (http\S+)$/m.exec(cli.output())
    if (match?.[1]) return match[1]
    if (cli.child.exitCode !== null) break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`fichier serve did not start:\n${cli.output()}`)
}

export const test = base.extend<Fixtures>({
  serveKey: [EMULATOR_ACCOUNTS.premium.key, { option: true }],
  servePassword: [null, { option: true }],
  serveArgs: [[], { option: true }],
  // eslint-disable-next-line no-empty-pattern
  emulator: async ({}, use) => {
    const emulator = await startEmulator({ rateLimits: false, keys: Object.values(EMULATOR_ACCOUNTS) })
    await use(emulator)
    await emulator.stop()
  },
  served: async ({ emulator, serveKey, servePassword, serveArgs }, use) => {
    const root = await mkdtemp(join(tmpdir(), 'fd-served-'))
    const stateDir = join(root, 'state')
    if (servePassword !== null) {
      const set = await runCli(['serve', '--set-password', '--state-dir', stateDir], {
        stdin: `${servePassword}\n`,
      })
      if (set.code !== 0) throw new Error(`fichier serve --set-password failed:\n${set.stderr}`)
    }
    const downloadDir = await mkdtemp(join(root, 'downloads-'))
    const env = {
      FICHIER_API_KEY: serveKey ?? undefined,
      FICHIER_API_URL: emulator.apiUrl,
      FICHIER_DESK_KEYS_DIR: join(root, 'keys'),
    }
    const launch = (listen: string) =>
      startCli(
        ['serve', '--listen', listen, '--state-dir', stateDir, '--download-dir', downloadDir, ...serveArgs],
        { env },
      )
    let cli = launch('127.0.0.1:0')
    let earlier = ''
    let stopping: Promise<{ code: number | null; output: string }> | null = null
    let everStopped = false
    const stop = () => {
      everStopped = true
      return (stopping ??= (async () => {
        if (cli.child.exitCode === null) cli.child.kill('SIGTERM')
        const run = await cli.done
        return { code: run.code, output: run.stdout + run.stderr }
      })())
    }
    const url = await servingUrl(cli)
    try {
      await use({
        url,
        stateDir,
        downloadDir,
        env,
        output: () => earlier + cli.output(),
        stop,
        async restart() {
          earlier += (await stop()).output
          cli = launch(new URL(url).host)
          stopping = null
          await servingUrl(cli)
        },
        stopped: () => everStopped,
      })
    } finally {
      await stop()
      await rm(root, { recursive: true, force: true })
    }
  },
  page: async ({ page, served, servePassword }, use) => {
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('console', (message) => {
      // Once the test stopped the server, the page failing to reach it is what should happen.
      if (message.type() === 'error' && !served.stopped()) problems.push(`console error: ${message.text()}`)
    })
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`)
    })
    await page.goto(served.url)
    if (servePassword !== null) {
      await expect(page).toHaveTitle('Log in · Fichier Desk')
      await page.getByLabel('Password').fill(servePassword)
      await page.getByRole('button', { name: 'Log in' }).click()
    }
    await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible()
    await use(page)
    expect(problems, 'the page logged errors').toEqual([])
  },
})

export { expect }
