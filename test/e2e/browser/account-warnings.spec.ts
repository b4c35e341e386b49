import { EMULATOR_ACCOUNTS } from '../fixtures/emulator-accounts'
import { expect, test } from '../fixtures/test'

const { premium, free } = EMULATOR_ACCOUNTS
const DAY_MS = 86_400_000

test.describe('account warnings', () => {
  // The subscription behind the Premium key ends in three days and a few hours.
  test.use({
    emulatorOptions: {
      keys: [{ ...premium, subscriptionEnd: Date.now() + 3 * DAY_MS + 4 * 3_600_000 }, free],
    },
  })

  test('a subscription ending soon shows in the status bar and the Account view', async ({
    app,
    service,
  }) => {
    const { page } = app
    // The status bar learns of the account from the first account read.
    const read = await service.bridge.invoke('account:status', {})
    expect(read.ok).toBe(true)
    await page.reload()
    const badge = page
      .getByRole('contentinfo', { name: 'Status' })
      .getByRole('button', { name: '⚠ 1 account warning' })
    await expect(badge).toBeVisible()
    await badge.click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Account')
    const warnings = page.getByRole('list', { name: 'Account warnings' })
    await expect(warnings.getByRole('listitem')).toHaveText([
      'Your subscription ends in 3 days: renew it to keep downloading.',
    ])
    // Read a moment ago: 1fichier allows the next read in 5 minutes, so "Check now" waits until then.
    await expect(page.getByRole('button', { name: 'Check now' })).toBeDisabled()
    await expect(page.getByText(/^Next check possible at /)).toBeVisible()
    await app.screenshots('account-warnings')
  })
})

test('an account in good standing shows no warning', async ({ app, service }) => {
  const read = await service.bridge.invoke('account:status', {})
  expect(read.ok && read.value.account?.email).toBe(premium.email)
  const { page } = app
  await page.reload()
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Account' }).click()
  await expect(page.getByRole('definition').filter({ hasText: premium.email })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Account warnings' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /account warning/ })).toHaveCount(0)
})
