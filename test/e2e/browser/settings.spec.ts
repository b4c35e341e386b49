import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures/test'

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings')
}

test.describe('the Settings view', () => {
  test('saves a change that the service keeps, on disk and after a reload', async ({ app, service }) => {
    const { page } = app
    await openSettings(page)
    await expect(page.getByLabel('Transfers at once')).toHaveValue('3')
    await page.getByLabel('Transfers at once').fill('5')
    await page.getByLabel('Download limit (KB/s)').fill('512')
    await page.getByLabel('Start at login').check()
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible()
    await app.screenshots('settings-saved')

    expect(service.core.settings.get()).toMatchObject({
      maxActive: 5,
      downloadLimit: 512 * 1024,
      startAtLogin: true,
    })
    const onDisk = JSON.parse(
      await readFile(join(service.dataDir, 'settings', 'settings.json'), 'utf8'),
    ) as unknown
    expect(onDisk).toMatchObject({ maxActive: 5, downloadLimit: 512 * 1024, startAtLogin: true })

    await page.reload()
    await openSettings(page)
    await expect(page.getByLabel('Transfers at once')).toHaveValue('5')
    await expect(page.getByLabel('Download limit (KB/s)')).toHaveValue('512')
    await expect(page.getByLabel('Start at login')).toBeChecked()
  })

  test('shows the validation messages next to their fields and saves nothing', async ({ app, service }) => {
    const { page } = app
    await openSettings(page)
    const maxActive = page.getByLabel('Transfers at once')
    await maxActive.fill('99')
    await page.getByLabel('API address').fill('ftp://example.org')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByRole('alert')).toHaveText('2 settings are not valid; see the messages below.')
    await expect(maxActive).toHaveAttribute('aria-invalid', 'true')
    await expect(maxActive).toHaveAccessibleDescription(/Too big/)
    await expect(page.getByLabel('API address')).toHaveAttribute('aria-invalid', 'true')
    await app.screenshots('settings-invalid')
    expect(service.core.settings.get()).toMatchObject({ maxActive: 3 })

    await maxActive.fill('4')
    await page.getByLabel('API address').fill('')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible()
    await expect(maxActive).not.toHaveAttribute('aria-invalid', 'true')
    expect(service.core.settings.get()).toMatchObject({ maxActive: 4 })
  })

  test('forces the theme chosen in Appearance over the system one', async ({ app, service }) => {
    const { page } = app
    await openSettings(page)
    await page.getByLabel('Theme').selectOption('dark')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    const background = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor')
    expect(background).toBe('rgb(20, 23, 28)')
    expect(service.core.settings.get().theme).toBe('dark')
    await page.getByLabel('Theme').selectOption('system')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/)
  })
})
