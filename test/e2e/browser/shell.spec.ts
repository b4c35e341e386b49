import { join } from 'node:path'
import { expect, SCREENSHOT_DIR, test } from '../fixtures/test'
import { EMULATOR_ACCOUNTS } from '../fixtures/emulator-accounts'

const SECTIONS = [
  { name: 'Transfers', shot: 'transfers' },
  { name: 'Remote files', shot: 'remote-files' },
  { name: 'History', shot: 'history-empty' },
  { name: 'Settings', shot: 'settings' },
  { name: 'Account', shot: 'account' },
] as const

const MiB = 1024 * 1024

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`the shell in ${colorScheme} mode`, () => {
    test.use({ colorScheme })

    test('shows the frame with a live queue and moves between the five sections', async ({
      app,
      service,
      emulator,
    }) => {
      test.setTimeout(60_000)
      const { page } = app
      const { key } = EMULATOR_ACCOUNTS.premium
      const nav = page.getByRole('navigation', { name: 'Sections' })
      await expect(page.getByRole('main')).toBeVisible()
      await expect(page.getByRole('contentinfo', { name: 'Status' })).toBeVisible()
      await expect(nav.getByRole('button')).toHaveText(SECTIONS.map((section) => section.name))
      const scheme = await page.evaluate<boolean>("matchMedia('(prefers-color-scheme: dark)').matches")
      expect(scheme).toBe(colorScheme === 'dark')

      // A live queue: one slow download moving, one link to a file that no longer exists.
      const video = await emulator.control.createFile({
        key,
        name: 'holiday-video.mkv',
        synthetic: { size: 48 * MiB, seed: 7 },
      })
      const folder = emulator.control.createFolder({ key, name: 'Holidays 2026' })
      await emulator.control.createFile({ key, folderId: folder.id, name: 'notes.txt', content: 'beach' })
      emulator.control.setSpeedCap(256 * 1024)
      const added = await service.bridge.invoke('transfers:add', {
        kind: 'download',
        text: `${video.url}\nhttps://1fichier.com/?gone0000000000000001`,
      })
      expect(added.ok && added.value.addedIds).toHaveLength(2)

      const rows = page.getByRole('list', { name: 'Transfers', exact: true }).getByRole('listitem')
      const active = rows.filter({ hasText: 'holiday-video.mkv' })
      await expect(active).toHaveAttribute('data-status', 'active', { timeout: 15_000 })
      const failed = page.locator('.transfer-row[data-status="failed"]')
      await expect(failed).toHaveCount(1, { timeout: 15_000 })
      await expect(failed.getByRole('button', { name: /^Retry / })).toBeVisible()
      const status = page.getByRole('contentinfo', { name: 'Status' })
      await expect(status.getByLabel(/^Download speed/)).not.toHaveText(/↓ 0 B\/s/)
      // The graph of the last minutes states the current and the peak speed.
      const graph = status.getByRole('img', { name: 'Speed over the last 5 minutes' })
      await expect(graph).toHaveAccessibleDescription(
        /^Download: now [1-9][\d.]* [KM]?B\/s, peak [1-9][\d.]* [KM]?B\/s\. Upload: now 0 B\/s, peak 0 B\/s\.$/,
        { timeout: 10_000 },
      )
      const items = await service.bridge.invoke('transfers:list', {})
      const gone = items.ok ? items.value.items.find((item) => item.status === 'failed') : undefined
      expect(gone?.error?.code).toBe('NOT_FOUND')
      await expect(failed).toContainText(gone?.error?.message ?? '')

      for (const section of SECTIONS) {
        const button = nav.getByRole('button', { name: section.name })
        await button.click()
        await expect(button).toHaveAttribute('aria-current', 'page')
        await expect(nav.locator('[aria-current="page"]')).toHaveCount(1)
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(section.name)
        await expect(page.getByRole('main', { name: section.name })).toBeVisible()
        if (section.name === 'Remote files') {
          await expect(page.getByRole('table', { name: 'Contents of My files' })).toContainText(
            'Holidays 2026',
          )
        }
        if (section.name === 'History') {
          await expect(page.getByRole('heading', { name: 'Nothing finished yet' })).toBeVisible()
        }
        if (section.name === 'Settings') await expect(page.getByLabel('Transfers at once')).toHaveValue('3')
        if (section.name === 'Account') {
          await expect(page.getByRole('status', { name: 'Key status' })).toContainText('A key is set.')
          await expect(
            page.getByRole('definition').filter({ hasText: EMULATOR_ACCOUNTS.premium.email }),
          ).toBeVisible()
        }
        await page.screenshot({
          path: join(SCREENSHOT_DIR, `${section.shot}-${colorScheme}.png`),
          animations: 'disabled',
        })
      }
    })
  })
}

test.describe('the status bar', () => {
  test('counts down an API pause that 1fichier asked for, in English and in French', async ({
    app,
    service,
    emulator,
  }) => {
    const { page } = app
    const status = page.getByRole('contentinfo', { name: 'Status' })
    await expect(status).toContainText('API ready')
    // The next folder listing answers with a flood lock of 90 s.
    emulator.control.failNext({
      path: '/v1/folder/ls.cgi',
      status: 403,
      body: { status: 'KO', message: 'Flood detected: IP Locked #374' },
      headers: { 'retry-after': '90' },
    })
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Remote files' })
      .click()
    const notice = status.getByRole('status').filter({ hasText: '1fichier asked us to slow down' })
    await expect(notice).toHaveText(/^1fichier asked us to slow down — resuming in 1 min [23]\d s$/)
    const first = await notice.textContent()
    await expect(notice).not.toHaveText(first ?? '', { timeout: 3_000 })
    expect(service.core.client.pausedUntil()).toBeGreaterThan(Date.now() + 60_000)
    await app.screenshots('status-bar-api-paused')

    // In French, after a reload (the page learns of the running pause from app:ready).
    const updated = await service.bridge.invoke('settings:update', { language: 'fr' })
    expect(updated.ok).toBe(true)
    await page.reload()
    await expect(page.getByRole('contentinfo', { name: 'État' }).getByRole('status')).toHaveText(
      /^1fichier nous demande de ralentir — reprise dans 1 min [0-3]\d s$/,
    )
  })
})
