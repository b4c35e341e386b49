import { mkdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
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
    // Where the API key goes is decided at start-up, never in the window.
    await expect(page.getByLabel('API address')).toHaveCount(0)
    const maxActive = page.getByLabel('Transfers at once')
    const connections = page.getByLabel('Connections per file')
    await maxActive.fill('99')
    await connections.fill('17')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByRole('alert')).toHaveText('2 settings are not valid; see the messages below.')
    await expect(maxActive).toHaveAttribute('aria-invalid', 'true')
    await expect(maxActive).toHaveAccessibleDescription('Enter a whole number from 1 to 20.')
    await expect(connections).toHaveAttribute('aria-invalid', 'true')
    await expect(connections).toHaveAccessibleDescription(
      /^More connections can speed up one large file\. Enter a whole number from 1 to 16\.$/,
    )
    await app.screenshots('settings-invalid')
    expect(service.core.settings.get()).toMatchObject({ maxActive: 3, connectionsPerFile: 4 })

    // Not a whole number: said so, still nothing saved.
    await maxActive.fill('2.5')
    await connections.fill('4')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByRole('alert')).toHaveText('1 setting is not valid; see the message below.')
    await expect(maxActive).toHaveAccessibleDescription('Enter a whole number.')
    expect(service.core.settings.get()).toMatchObject({ maxActive: 3 })

    await maxActive.fill('4')
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

test.describe('the download folder', () => {
  const picked = join(tmpdir(), `fd-settings-picked-${process.pid}-${Date.now()}`)
  test.use({ serviceOptions: { pickFolder: picked } })
  test.beforeAll(async () => {
    await mkdir(picked, { recursive: true })
  })
  test.afterAll(async () => {
    await rm(picked, { recursive: true, force: true })
  })

  test('moves only to a folder chosen in the folder dialog, not to one typed by hand', async ({
    app,
    service,
  }) => {
    const { page } = app
    await openSettings(page)
    const folder = page.getByRole('textbox', { name: 'Download folder' })
    await folder.fill(join(tmpdir(), 'somewhere-typed'))
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(folder).toHaveAttribute('aria-invalid', 'true')
    await expect(folder).toHaveAccessibleDescription(
      /The app refused this value: choose the new download folder/,
    )
    expect(service.core.settings.get().downloadDir).toBe('')

    await page.getByRole('button', { name: 'Choose the download folder' }).click()
    await expect(folder).toHaveValue(picked)
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible()
    expect(service.core.settings.get().downloadDir).toBe(picked)
  })
})

test.describe('the interface language', () => {
  test('switches the whole frame to French from the Settings view at once, and back', async ({
    app,
    service,
  }) => {
    const { page } = app
    await openSettings(page)
    await page.getByLabel('Language').selectOption({ label: 'Français' })
    await page.getByRole('button', { name: 'Save' }).click()

    const nav = page.getByRole('navigation', { name: 'Sections' })
    await expect(nav.getByRole('button')).toHaveText([
      'Transferts',
      'Fichiers distants',
      'Historique',
      'Réglages',
      'Compte',
    ])
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Réglages')
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
    await expect(page.getByRole('status').filter({ hasText: 'Réglages enregistrés.' })).toBeVisible()
    await expect(page.getByRole('group', { name: 'Limites de vitesse' })).toBeVisible()
    await expect(page.getByLabel('Transferts simultanés')).toHaveValue('3')
    const status = page.getByRole('contentinfo', { name: 'État' })
    await expect(status.getByRole('list', { name: 'Transferts par état' })).toContainText('0 en cours')
    await expect(status).toContainText('API prête')
    await expect(
      status.getByRole('img', { name: 'Vitesse des 5 dernières minutes' }),
    ).toHaveAccessibleDescription(/^Téléchargement : 0 o\/s maintenant/)
    expect(service.core.settings.get().language).toBe('fr')

    // Validation messages speak French too.
    await page.getByLabel('Transferts simultanés').fill('0')
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await expect(page.getByRole('alert')).toHaveText(
      '1 réglage n’est pas valide ; voyez le message ci-dessous.',
    )
    await expect(page.getByLabel('Transferts simultanés')).toHaveAccessibleDescription(
      'Saisissez un nombre entier de 1 à 20.',
    )
    await app.screenshots('settings-fr')
    await page.getByRole('button', { name: 'Rétablir' }).click()

    for (const [name, title] of [
      ['Transferts', 'Transferts'],
      ['Historique', 'Historique'],
      ['Compte', 'Compte'],
      ['Réglages', 'Réglages'],
    ] as const) {
      await nav.getByRole('button', { name }).click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
    }

    await page.getByLabel('Langue').selectOption({ label: 'English' })
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await expect(nav.getByRole('button')).toHaveText([
      'Transfers',
      'Remote files',
      'History',
      'Settings',
      'Account',
    ])
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    expect(service.core.settings.get().language).toBe('en')
  })
})
