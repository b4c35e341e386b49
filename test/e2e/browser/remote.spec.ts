import { expect, test } from '../fixtures/test'

const KEY = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345'

test.describe('the Remote files view', () => {
  test.use({
    serviceOptions: {
      key: KEY,
      folders: {
        0: {
          folderId: 0,
          name: 'My files',
          folders: [{ id: 7, name: 'Photos', createdAt: '2026-05-01 10:00:00', protected: false }],
          files: [
            {
              url: 'https://1fichier.com/?readme01',
              name: 'readme.txt',
              size: 2048,
              date: '2026-06-02 09:30:00',
              checksum: null,
              contentType: 'text/plain',
              protected: false,
            },
          ],
        },
        7: { folderId: 7, name: 'Photos', folders: [], files: [] },
      },
    },
  })

  test('lists the root, opens a folder and comes back by the breadcrumbs', async ({ app }) => {
    const { page } = app
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Remote files' })
      .click()
    const table = page.getByRole('table', { name: 'Contents of My files' })
    await expect(table.getByRole('row')).toHaveCount(3)
    await expect(table.getByRole('cell', { name: 'readme.txt' })).toBeVisible()
    await expect(table.getByRole('cell', { name: '2.00 KB' })).toBeVisible()
    await app.screenshot('remote-files-listing-light')

    await table.getByRole('button', { name: 'Photos' }).click()
    await expect(page.getByRole('heading', { name: 'This folder is empty' })).toBeVisible()
    const crumbs = page.getByRole('navigation', { name: 'Folder path' })
    await expect(crumbs.locator('[aria-current="location"]')).toHaveText('Photos')
    await crumbs.getByRole('button', { name: 'My files' }).click()
    await expect(page.getByRole('table', { name: 'Contents of My files' })).toBeVisible()
  })
})
