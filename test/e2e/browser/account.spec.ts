import { expect, test } from '../fixtures/test'
import { DEMO_ACCOUNT } from '../fixtures/memory-service'

const KEY = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345'

test.describe('the Account view', () => {
  test.use({ serviceOptions: { accounts: { [KEY]: DEMO_ACCOUNT } } })

  test('refuses a wrong key, accepts a good one, then removes it', async ({ app, service }) => {
    const { page } = app
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Account' }).click()
    const key = page.getByRole('textbox', { name: 'API key' })
    await expect(key).toHaveAttribute('type', 'password')

    await key.fill('Z'.repeat(32))
    await page.getByRole('button', { name: 'Save key' }).click()
    await expect(page.getByRole('alert')).toHaveText('1fichier refused this API key. Check it and try again.')

    await key.fill(`  ${KEY}\n`)
    await page.getByRole('button', { name: 'Save key' }).click()
    await expect(page.getByRole('status', { name: 'Key status' })).toContainText('A key is set.')
    await expect(page.getByRole('status', { name: 'Key status' })).toContainText('stored encrypted')
    await expect(page.getByRole('definition').filter({ hasText: DEMO_ACCOUNT.email })).toBeVisible()
    const status = await service.bridge.invoke('account:status', {})
    expect(status.ok && status.value.storage).toBe('encrypted')
    await app.screenshot('account-with-key-light')

    await page.getByRole('button', { name: 'Remove key' }).click()
    await expect(page.getByRole('status', { name: 'Key status' })).toContainText('No API key yet.')
  })
})

test.describe('the Account view without OS encryption', () => {
  test.use({ serviceOptions: { accounts: { [KEY]: DEMO_ACCOUNT }, encryptionAvailable: false } })

  test('says so plainly and keeps the key for the session only', async ({ app, service }) => {
    const { page } = app
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Account' }).click()
    await expect(page.getByRole('note')).toContainText('This system offers no encryption for secrets')
    await page.getByRole('textbox', { name: 'API key' }).fill(KEY)
    await page.getByRole('button', { name: 'Save key' }).click()
    await expect(page.getByRole('status', { name: 'Key status' })).toContainText('for this session only')
    const status = await service.bridge.invoke('account:status', {})
    expect(status.ok && status.value.storage).toBe('session')
  })
})
