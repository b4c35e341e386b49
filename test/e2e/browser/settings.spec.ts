import { expect, test } from '../fixtures/test'

test.describe('the Settings view', () => {
  test('saves a change through settings:update', async ({ app, service }) => {
    const { page } = app
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click()
    await page.getByLabel('Transfers at once').fill('5')
    await page.getByLabel('Download limit (KB/s)').fill('512')
    await page.getByLabel('Start at login').check()
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible()
    const saved = await service.bridge.invoke('settings:get', {})
    expect(saved.ok && saved.value).toMatchObject({
      maxActive: 5,
      downloadLimit: 512 * 1024,
      startAtLogin: true,
    })
  })

  test('shows the validation messages of the error envelope next to their fields', async ({
    app,
    service,
  }) => {
    const { page } = app
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click()
    const maxActive = page.getByLabel('Transfers at once')
    await maxActive.fill('99')
    await page.getByLabel('API address').fill('ftp://example.org')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByRole('alert')).toHaveText('2 settings are not valid; see the messages below.')
    await expect(maxActive).toHaveAttribute('aria-invalid', 'true')
    await expect(maxActive).toHaveAccessibleDescription(/Too big/)
    await expect(page.getByLabel('API address')).toHaveAttribute('aria-invalid', 'true')
    await app.screenshot('settings-invalid-light')
    const saved = await service.bridge.invoke('settings:get', {})
    expect(saved.ok && saved.value.maxActive).toBe(3)
  })

  test('forces the theme chosen in Appearance over the system one', async ({ app }) => {
    const { page } = app
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click()
    await page.getByLabel('Theme').selectOption('dark')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    const background = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor')
    expect(background).toBe('rgb(20, 23, 28)')
    await page.getByLabel('Theme').selectOption('system')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/)
  })
})
