import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures/test'

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings')
}

test.describe('the alternative speed limits', () => {
  test('a schedule slot caps the live speed, and the status bar switch lifts the cap', async ({
    app,
    service,
  }) => {
    const { page } = app
    const status = page.getByRole('contentinfo', { name: 'Status' })
    const toggle = status.getByRole('button', { name: 'Alternative speed limits' })
    await expect(toggle).toHaveText(/Full speed/)
    await expect(toggle).toHaveAttribute('aria-pressed', 'false')

    await openSettings(page)
    await page
      .getByLabel('Alternative limits', { exact: true })
      .selectOption({ label: 'On the schedule below' })
    await page.getByLabel('Alternative limit for downloads (KB/s)').fill('300')
    await page.getByLabel('Alternative limit for uploads (KB/s)').fill('100')
    await page.getByRole('button', { name: 'Add a slot' }).click()
    // Every day, all day long: whatever the time of this run, the slot is in force.
    const days = page.getByRole('group', { name: 'Days of slot 1' })
    await days.getByRole('checkbox', { name: 'Sun' }).check()
    await days.getByRole('checkbox', { name: 'Sat' }).check()
    await page.getByLabel('Start of slot 1').fill('00:00')
    await page.getByLabel('End of slot 1').fill('00:00')
    await app.screenshots('settings-speed-schedule')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible()

    expect(service.core.settings.get()).toMatchObject({
      altSpeedMode: 'schedule',
      altDownloadLimit: 300 * 1024,
      altUploadLimit: 100 * 1024,
      speedSchedule: [{ days: [0, 1, 2, 3, 4, 5, 6], start: 0, end: 1440 }],
    })
    // The engine caps transfers at the alternative limits at once.
    expect(service.core.engine.settings).toMatchObject({ downloadLimit: 300 * 1024, uploadLimit: 100 * 1024 })
    await expect(toggle).toHaveText(/Alt\. limits \(schedule\)/)
    await expect(toggle).toHaveAttribute('aria-pressed', 'true')

    // One click: full speed, in the settings and in the engine.
    await toggle.click()
    await expect(toggle).toHaveText(/Full speed/)
    await expect.poll(() => service.core.engine.settings.downloadLimit).toBe(0)
    expect(service.core.settings.get().altSpeedMode).toBe('off')
    // And back on.
    await toggle.click()
    await expect(toggle).toHaveText(/Alt\. limits on/)
    await expect.poll(() => service.core.engine.settings.downloadLimit).toBe(300 * 1024)

    // The slot editor shows what was saved, after a reload.
    await page.reload()
    await openSettings(page)
    await expect(page.getByLabel('Start of slot 1')).toHaveValue('00:00')
    await expect(
      page.getByRole('group', { name: 'Days of slot 1' }).getByRole('checkbox', { checked: true }),
    ).toHaveCount(7)
  })
})
