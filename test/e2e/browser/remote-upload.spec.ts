import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from '@playwright/test'
import { allFinished, waitForTransfers } from '../../helpers/wait-for-transfers'
import { EMULATOR_ACCOUNTS } from '../fixtures/emulator-accounts'
import { expect, test } from '../fixtures/test'

const { key } = EMULATOR_ACCOUNTS.premium
const ARCHIVE = Buffer.from('remote upload payload\n'.repeat(500))

/** A web server 1fichier (the emulator) fetches from: one archive for a request with the token, 404 otherwise. */
async function startOrigin(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    if (request.url === '/files/archive.zip' && request.headers['x-token'] === 'tonight-42') {
      response.writeHead(200, { 'content-type': 'application/zip', 'content-length': ARCHIVE.length })
      response.end(ARCHIVE)
    } else {
      response.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name }).click()
}

test.describe('remote uploads from the window', () => {
  test.use({ serviceOptions: { engine: { remotePollMs: 200 } } })

  test('fetches pasted URLs into the open folder and shows the new link in Transfers', async ({
    app,
    service,
    emulator,
  }) => {
    test.setTimeout(60_000)
    const origin = await startOrigin()
    try {
      const { page } = app
      const backups = emulator.control.createFolder({ key, name: 'Backups' })
      await openSection(page, 'Remote files')
      await page
        .getByRole('table', { name: 'Contents of My files' })
        .getByRole('button', { name: 'Backups' })
        .click()
      await expect(page.getByRole('navigation', { name: 'Folder path' }).getByRole('listitem')).toHaveText([
        'My files',
        'Backups',
      ])

      await page.getByRole('button', { name: 'Fetch URLs here…' }).click()
      const dialog = page.getByRole('dialog', { name: 'Fetch URLs into Backups' })
      const urls = dialog.getByRole('textbox', { name: /^URLs/ })
      const fetch = dialog.getByRole('button', { name: /^Fetch/ })
      await expect(fetch).toBeDisabled()
      await urls.fill(
        `Tonight's archive: ${origin.url}/files/archive.zip, mirror ftp://old.example/archive.zip\n${origin.url}/files/archive.zip`,
      )
      await expect(dialog.getByRole('status')).toHaveText(
        '1 URL found. Not fetchable (only http and https): ftp://old.example/archive.zip',
      )
      // The source wants a token: sent by 1fichier with its request.
      const headers = dialog.getByRole('textbox', { name: 'Headers sent with each request (optional)' })
      await headers.fill('X Token = nope')
      await expect(dialog.getByRole('alert')).toContainText('1fichier does not accept these headers')
      await expect(fetch).toBeDisabled()
      await headers.fill('X-Token: tonight-42')
      await expect(dialog.getByRole('alert')).toBeHidden()
      await app.screenshots('remote-upload-dialog')
      await fetch.click()
      await expect(dialog).toBeHidden()
      await expect(page.getByText('1 remote upload added: follow it in Transfers.')).toBeVisible()

      const [item] = await waitForTransfers(service.bridge, allFinished, 30_000)
      expect(item).toMatchObject({ kind: 'remote-upload', status: 'completed', target: String(backups.id) })
      const stored = emulator.control.listFiles(key).find((file) => file.name === 'archive.zip')
      expect(stored?.folderId).toBe(backups.id)
      expect(item?.link).toBe(stored?.url)
      expect(emulator.control.readFile(key, stored?.id ?? '')).toEqual(ARCHIVE)

      await openSection(page, 'Transfers')
      await expect(
        page.getByRole('button', { name: new RegExp(`^Copy link.*${item?.name ?? 'archive'}`) }),
      ).toBeVisible()
      await app.screenshots('remote-upload-done')
    } finally {
      await new Promise((resolve) => origin.server.close(resolve))
    }
  })
})
