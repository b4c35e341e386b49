import { expect, test } from '../fixtures/test'

const SECTIONS = [
  { name: 'Transfers', shot: 'transfers' },
  { name: 'Remote files', shot: 'remote-files' },
  { name: 'Settings', shot: 'settings' },
  { name: 'Account', shot: 'account' },
] as const

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`the shell in ${colorScheme} mode`, () => {
    test.use({ colorScheme })

    test('shows the frame and moves between the four sections', async ({ app, service }) => {
      const { page } = app
      const nav = page.getByRole('navigation', { name: 'Sections' })
      await expect(page.getByRole('main')).toBeVisible()
      await expect(page.getByRole('contentinfo', { name: 'Status' })).toBeVisible()
      await expect(nav.getByRole('button')).toHaveText(SECTIONS.map((section) => section.name))
      const scheme = await page.evaluate<boolean>("matchMedia('(prefers-color-scheme: dark)').matches")
      expect(scheme).toBe(colorScheme === 'dark')

      // A few transfers, pushed through the bridge after the page loaded, so the views have content.
      await service.bridge.invoke('transfers:add', {
        kind: 'download',
        text: [
          'https://1fichier.com/?a1b2c3',
          'https://1fichier.com/?d4e5f6',
          'https://1fichier.com/?g7h8i9',
        ].join('\n'),
      })
      const [first, second] = service.items().map((item) => item.id)
      service.setStatus([first ?? ''], 'active', { bytesTotal: 734_003_200, name: 'holiday-video.mkv' })
      service.setStatus([second ?? ''], 'failed', {
        name: 'backup-2026.tar',
        error: { code: 'NOT_FOUND', message: 'The file was removed from 1fichier.' },
      })
      const counts = { queued: 1, active: 1, retrying: 0, paused: 0, completed: 0, failed: 1, canceled: 0 }
      service.tick({
        at: 1,
        items: [{ id: first ?? '', bytes: 288_358_400, total: 734_003_200, speed: 6_291_456, eta: 71 }],
        totals: { downSpeed: 6_291_456, upSpeed: 0, counts, eta: 71 },
      })
      await expect(page.getByRole('listitem', { name: 'holiday-video.mkv' })).toBeVisible()
      await expect(page.getByText('↓ 6.00 MB/s')).toBeVisible()

      for (const section of SECTIONS) {
        const button = nav.getByRole('button', { name: section.name })
        await button.click()
        await expect(button).toHaveAttribute('aria-current', 'page')
        await expect(nav.locator('[aria-current="page"]')).toHaveCount(1)
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(section.name)
        await expect(page.getByRole('main', { name: section.name })).toBeVisible()
        if (section.name === 'Remote files') {
          await expect(page.getByRole('heading', { name: 'No API key yet' })).toBeVisible()
        }
        if (section.name === 'Settings') await expect(page.getByLabel('Transfers at once')).toHaveValue('3')
        if (section.name === 'Account')
          await expect(page.getByRole('status', { name: 'Key status' })).toContainText('No API key yet')
        await app.screenshot(`${section.shot}-${colorScheme}`)
      }
    })
  })
}
