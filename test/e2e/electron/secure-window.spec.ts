import { _electron as electron, expect, test } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { findElectronBinary } from './electron-binary'

const binary = findElectronBinary()
if ('missing' in binary) console.warn(`Electron end-to-end tests skipped: ${binary.missing}`)

test.describe('the desktop app', () => {
  test.skip('missing' in binary, 'missing' in binary ? binary.missing : '')

  let emulator: RunningEmulator
  let home: string

  test.beforeAll(async () => {
    emulator = await startEmulator({ rateLimits: false })
    home = await mkdtemp(join(tmpdir(), 'fd-electron-'))
  })

  test.afterAll(async () => {
    await emulator?.stop()
    if (home) await rm(home, { recursive: true, force: true })
  })

  test('opens one isolated window whose page has no Node and only the bridge', async () => {
    if (!('path' in binary)) return
    const app = await electron.launch({
      executablePath: binary.path,
      args: ['out/main/index.js', `--user-data-dir=${join(home, 'profile')}`],
      env: { ...process.env, FICHIER_API_URL: emulator.apiUrl },
    })
    try {
      const page = await app.firstWindow()
      await expect(page.getByRole('navigation')).toBeVisible()
      const page_ = await page.evaluate(() => {
        const scope = globalThis as unknown as {
          require?: unknown
          process?: unknown
          fichier: object
          open(url: string): unknown
        }
        return {
          require: typeof scope.require,
          process: typeof scope.process,
          bridge: Object.keys(scope.fichier).sort(),
          popup: scope.open('https://example.com/') === null,
        }
      })
      expect(page_).toEqual({
        require: 'undefined',
        process: 'undefined',
        bridge: ['invoke', 'on', 'pathForFile'],
        popup: true,
      })
      const answer = await page.evaluate(() =>
        (
          globalThis as unknown as { fichier: { invoke(c: string, i: unknown): Promise<unknown> } }
        ).fichier.invoke('transfers:nope', {}),
      )
      expect(answer).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
    } finally {
      await app.close()
    }
  })

  test('receives its Content Security Policy as a response header as well as in the page', async () => {
    if (!('path' in binary)) return
    const app = await electron.launch({
      executablePath: binary.path,
      args: ['out/main/index.js', `--user-data-dir=${join(home, 'profile-csp')}`],
      env: { ...process.env, FICHIER_API_URL: emulator.apiUrl },
    })
    try {
      const page = await app.firstWindow()
      await expect(page.getByRole('navigation')).toBeVisible()
      // Each policy in force reports a blocked eval: the <meta> one and the header one, so two reports.
      const reports = await page.evaluate<string[]>(`new Promise((resolve) => {
        const seen = []
        document.addEventListener('securitypolicyviolation', (event) => seen.push(event.originalPolicy))
        try {
          globalThis.eval('1')
        } catch {}
        setTimeout(() => resolve(seen), 500)
      })`)
      expect(reports).toHaveLength(2)
      for (const policy of reports) expect(policy).toContain("frame-ancestors 'none'")
    } finally {
      await app.close()
    }
  })
})
