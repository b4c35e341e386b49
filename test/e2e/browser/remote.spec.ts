import { EMULATOR_ACCOUNTS } from '../fixtures/emulator-accounts'
import { expect, test } from '../fixtures/test'

const { key } = EMULATOR_ACCOUNTS.premium

test.describe('the Remote files view', () => {
  test('lists folders and files from 1fichier, opens a folder and comes back by the breadcrumbs', async ({
    app,
    emulator,
  }) => {
    const { page } = app
    const photos = emulator.control.createFolder({ key, name: 'Photos' })
    const summer = emulator.control.createFolder({ key, parentId: photos.id, name: 'Summer' })
    emulator.control.createFolder({ key, name: 'Invoices', password: 'secret' })
    await emulator.control.createFile({ key, name: 'readme.txt', content: 'r'.repeat(2048) })
    await emulator.control.createFile({
      key,
      name: 'backup.tar',
      synthetic: { size: 40 * 1024 ** 2, seed: 4 },
    })
    await emulator.control.createFile({
      key,
      folderId: photos.id,
      name: 'beach.jpg',
      content: 'b'.repeat(5000),
    })
    await emulator.control.createFile({ key, folderId: summer.id, name: 'sea.jpg', content: 'sea' })

    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Remote files' })
      .click()
    const root = page.getByRole('table', { name: 'Contents of My files' })
    await expect(root.getByRole('row')).toHaveCount(5)
    await expect(root.getByRole('button', { name: 'Photos' })).toBeVisible()
    await expect(root.getByRole('row').filter({ hasText: 'Invoices' })).toContainText('Yes')
    await expect(root.getByRole('row').filter({ hasText: 'readme.txt' })).toContainText('2.00 KB')
    await expect(root.getByRole('row').filter({ hasText: 'backup.tar' })).toContainText('40.0 MB')
    const crumbs = page.getByRole('navigation', { name: 'Folder path' })
    await expect(crumbs.locator('[aria-current="location"]')).toHaveText('My files')
    await app.screenshots('remote-files-listing')

    await root.getByRole('button', { name: 'Photos' }).click()
    const inPhotos = page.getByRole('table', { name: 'Contents of Photos' })
    await expect(inPhotos.getByRole('row')).toHaveCount(3)
    await expect(inPhotos.getByRole('row').filter({ hasText: 'beach.jpg' })).toContainText('4.88 KB')
    await inPhotos.getByRole('button', { name: 'Summer' }).click()
    await expect(
      page.getByRole('table', { name: 'Contents of Summer' }).getByRole('cell', { name: 'sea.jpg' }),
    ).toBeVisible()
    await expect(crumbs.getByRole('listitem')).toHaveText(['My files', 'Photos', 'Summer'])
    await expect(crumbs.locator('[aria-current="location"]')).toHaveText('Summer')
    await app.screenshots('remote-files-nested')

    await crumbs.getByRole('button', { name: 'Photos' }).click()
    await expect(inPhotos.getByRole('cell', { name: 'beach.jpg' })).toBeVisible()
    await crumbs.getByRole('button', { name: 'My files' }).click()
    await expect(root.getByRole('cell', { name: 'readme.txt' })).toBeVisible()
    await expect(crumbs.getByRole('listitem')).toHaveText(['My files'])
  })

  test('shows an empty folder with what to do', async ({ app, emulator }) => {
    const { page } = app
    emulator.control.createFolder({ key, name: 'Empty' })
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Remote files' })
      .click()
    await page
      .getByRole('table', { name: 'Contents of My files' })
      .getByRole('button', { name: 'Empty' })
      .click()
    await expect(page.getByRole('heading', { name: 'This folder is empty' })).toBeVisible()
    await app.screenshots('remote-files-empty-folder')
  })
})

test.describe('the Remote files view without a key', () => {
  test.use({ serviceOptions: { key: null } })

  test('leads to the Account view', async ({ app }) => {
    const { page } = app
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Remote files' })
      .click()
    await expect(page.getByRole('heading', { name: 'No API key yet' })).toBeVisible()
    await app.screenshots('remote-files-no-key')
    await page.getByRole('button', { name: 'Add your API key' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Account')
  })
})
