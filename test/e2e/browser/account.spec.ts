import type { Page } from '@playwright/test'
import { EMULATOR_ACCOUNTS } from '../fixtures/emulator-accounts'
import { expect, test } from '../fixtures/test'

const { premium, free } = EMULATOR_ACCOUNTS
/** The right shape, but no such account on the emulator. */
const UNKNOWN_KEY = 'UnknownKeyUnknownKeyUnknownKey00'

async function openAccount(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Account' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Account')
}

test.describe('the Account view', () => {
  test.use({ serviceOptions: { key: null } })

  test('refuses a wrong key, keeps a free-account key with a warning, accepts a good one, then removes it', async ({
    app,
    service,
  }) => {
    const { page } = app
    await openAccount(page)
    const keyStatus = page.getByRole('status', { name: 'Key status' })
    await expect(keyStatus).toContainText('No API key yet.')
    await app.screenshots('account-no-key')
    const key = page.getByRole('textbox', { name: 'API key' })
    await expect(key).toHaveAttribute('type', 'password')
    const save = page.getByRole('button', { name: 'Save key' })

    // Not even the shape of a key: refused before asking 1fichier.
    await key.fill('too-short')
    await save.click()
    await expect(page.getByRole('alert')).toHaveText(/^An API key is 32 letters, digits/)

    await key.fill(UNKNOWN_KEY)
    await save.click()
    await expect(page.getByRole('alert')).toHaveText(
      /^1fichier refused the API key: it is wrong or was revoked\./,
    )
    await expect(keyStatus).toContainText('No API key yet.')

    // A free account's key is kept: listings and uploads work, and the view says downloads need more.
    await key.fill(free.key)
    await save.click()
    await expect(keyStatus).toContainText('A key is set.')
    await expect(page.getByRole('list', { name: 'Account warnings' })).toContainText(
      'This is a free 1fichier account: listings and uploads work, but downloads through the API need a Premium or Access subscription.',
    )
    await app.screenshots('account-free-key-kept')
    const kept = await service.bridge.invoke('account:status', {})
    expect(kept.ok && kept.value.account?.offer).toBe('free')

    // Pasted with spaces and a line break around it, as copied from a web page.
    await key.fill(`  ${premium.key}\n`)
    await save.click()
    await expect(keyStatus).toContainText('A key is set.')
    await expect(page.getByRole('alert')).toBeHidden()
    const details = page.getByRole('definition')
    await expect(details.filter({ hasText: premium.email })).toBeVisible()
    await expect(details.filter({ hasText: /^Premium$/ })).toBeVisible()
    await expect(key).toHaveValue('')
    const stored = await service.bridge.invoke('account:status', {})
    expect(stored.ok && stored.value).toMatchObject({
      hasKey: true,
      account: { email: premium.email, offer: 'premium' },
    })
    expect(await service.core.account.getKey()).toBe(premium.key)
    await app.screenshots('account-with-key')

    await page.getByRole('button', { name: 'Remove key' }).click()
    await expect(keyStatus).toContainText('No API key yet.')
    await expect(page.getByRole('button', { name: 'Remove key' })).toBeHidden()
    expect(await service.core.account.getKey()).toBeNull()
  })
})

test.describe('the Account view without OS encryption', () => {
  test.use({ serviceOptions: { key: null, encryptionAvailable: false } })

  test('says so plainly and keeps the key for the session only', async ({ app, service }) => {
    const { page } = app
    await openAccount(page)
    await expect(page.getByRole('note')).toContainText('This system offers no encryption for secrets')
    await expect(page.getByRole('checkbox', { name: 'Keep it for this session only' })).toBeHidden()
    await page.getByRole('textbox', { name: 'API key' }).fill(premium.key)
    await page.getByRole('button', { name: 'Save key' }).click()
    await expect(page.getByRole('status', { name: 'Key status' })).toContainText('for this session only')
    await app.screenshots('account-session-only')
    const status = await service.bridge.invoke('account:status', {})
    expect(status.ok && status.value).toMatchObject({
      hasKey: true,
      storage: 'session',
      encryptionAvailable: false,
    })
  })
})

test.describe('the Account view in French', () => {
  test('shows the key status and the health panel in French, with French dates', async ({ app, service }) => {
    const { page } = app
    const updated = await service.bridge.invoke('settings:update', { language: 'fr' })
    expect(updated.ok).toBe(true)
    await page.reload()
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Compte' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compte')
    await expect(page.getByRole('status', { name: 'État de la clé' })).toContainText(
      'Une clé est enregistrée.',
    )
    await expect(page.getByRole('term').filter({ hasText: 'Fin de l’abonnement' })).toBeVisible()
    await expect(page.getByRole('definition').filter({ hasText: /^Dans le quota$/ })).toBeVisible()
    const status = await service.bridge.invoke('account:status', {})
    const end = status.ok ? (status.value.account?.subscriptionEnd ?? null) : null
    const [, year, month, day] = /^(\d{4})-(\d{2})-(\d{2})/.exec(end ?? '') ?? []
    expect(day).toBeDefined()
    const french = new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeZone: 'UTC' }).format(
      Date.UTC(Number(year), Number(month) - 1, Number(day), 12),
    )
    expect(french).toMatch(/^\d{1,2} \p{L}+ \d{4}$/u)
    await expect(page.getByRole('definition').filter({ hasText: french })).toBeVisible()
    await app.screenshots('account-fr')

    await page.getByRole('textbox', { name: 'Clé API' }).fill('trop-court')
    await page.getByRole('button', { name: 'Enregistrer la clé' }).click()
    await expect(page.getByRole('alert')).toHaveText(/^Une clé API compte 32 lettres/)
    expect(await service.core.account.getKey()).toBe(EMULATOR_ACCOUNTS.premium.key)
  })
})
