import { mkdir, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { EMULATOR_ACCOUNTS } from '../fixtures/emulator-accounts'
import { expect, test } from '../fixtures/test'

const { key } = EMULATOR_ACCOUNTS.premium
const stateCounts = (page: Page) => page.getByRole('list', { name: 'Transfers by state' })

test.describe('the Add dialog with a folder picked in the native dialog', () => {
  const picked = join(tmpdir(), `fd-picked-${process.pid}-${Date.now()}`)
  test.use({ serviceOptions: { pickFolder: picked } })
  test.beforeAll(async () => {
    await mkdir(picked, { recursive: true })
  })
  test.afterAll(async () => {
    await rm(picked, { recursive: true, force: true })
  })

  test('downloads into the chosen folder, with a password given on the link’s line', async ({
    app,
    service,
    emulator,
  }) => {
    const { page } = app
    const plain = await emulator.control.createFile({ key, name: 'notes.txt', content: 'notes '.repeat(300) })
    const locked = await emulator.control.createFile({
      key,
      name: 'locked.txt',
      content: 'locked '.repeat(300),
      password: 'opensesame',
    })

    await page.getByRole('button', { name: 'Add links' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add links' })
    await dialog
      .getByRole('textbox', { name: 'Links', exact: true })
      .fill(`${plain.url}\n${locked.url} password: opensesame`)
    await expect(dialog.getByRole('list', { name: 'Links recognised' }).getByRole('listitem')).toHaveText([
      '2 files',
      '1 with its own password',
    ])
    const destination = dialog.getByRole('textbox', { name: 'Destination folder' })
    await expect(destination).toHaveValue('')
    await dialog.getByRole('button', { name: 'Choose the destination folder' }).click()
    await expect(destination).toHaveValue(picked)
    await app.screenshots('add-links-destination')

    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(dialog).toBeHidden()
    await expect(stateCounts(page)).toContainText('2 done', { timeout: 15_000 })
    for (const file of [plain, locked]) {
      const name = file === plain ? 'notes.txt' : 'locked.txt'
      const onDisk = await readFile(join(picked, name))
      expect(onDisk.equals(emulator.control.readFile(key, file.id)), name).toBe(true)
    }
    expect(await readdir(service.downloadsDir).catch(() => [])).toEqual([])
  })
})

test.describe('the Add dialog when the folder picker is cancelled', () => {
  test('keeps the folder typed, and opens with Ctrl+N in French', async ({ app, service }) => {
    const { page } = app
    await page.keyboard.press('Control+n')
    const dialog = page.getByRole('dialog', { name: 'Add links' })
    const destination = dialog.getByRole('textbox', { name: 'Destination folder' })
    await destination.fill('/srv/media/incoming')
    await dialog.getByRole('button', { name: 'Choose the destination folder' }).click()
    await expect(dialog.getByRole('button', { name: 'Choose the destination folder' })).toBeEnabled()
    await expect(destination).toHaveValue('/srv/media/incoming')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()

    await service.bridge.invoke('settings:update', { language: 'fr' })
    await page.reload()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Transferts')
    await page.keyboard.press('Control+n')
    const french = page.getByRole('dialog', { name: 'Ajouter des liens' })
    await expect(french.getByRole('button', { name: 'Choisir le dossier de destination' })).toHaveText(
      'Choisir…',
    )
    await expect(french.getByRole('textbox', { name: 'Dossier de destination' })).toBeVisible()
    await french.getByRole('textbox', { name: 'Liens', exact: true }).fill('https://1fichier.com/?abcdefgh12')
    await expect(french.getByText('1 fichier et 0 dossier à ajouter.')).toBeVisible()
    await app.screenshots('add-links-fr')
  })
})

test.describe('links dropped on the window', () => {
  test('open the Add dialog with the dropped text, from a URI list too, and download once added', async ({
    app,
    service,
    emulator,
  }) => {
    const { page } = app
    const file = await emulator.control.createFile({
      key,
      name: 'dropped.txt',
      content: 'dropped '.repeat(50),
    })
    const folder = emulator.control.createFolder({ key, name: 'Dropped album' })
    await emulator.control.createFile({ key, folderId: folder.id, name: 'inside.txt', content: 'inside' })
    const shared = emulator.control.shareFolder({ key, folderId: folder.id })
    // The page's own DataTransfer and DragEvent, as a drag from another application delivers them.
    const drop = (types: Record<string, string>) =>
      page.evaluate(`(() => {
        const transfer = new DataTransfer()
        for (const [type, value] of Object.entries(${JSON.stringify(types)})) transfer.setData(type, value)
        const target = document.querySelector('main') ?? document.body
        for (const type of ['dragover', 'drop']) {
          target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }))
        }
      })()`)

    await drop({ 'text/plain': `from the forum: ${file.url} (mirror)` })
    const dialog = page.getByRole('dialog', { name: 'Add links' })
    await expect(dialog.getByRole('textbox', { name: 'Links', exact: true })).toHaveValue(
      `from the forum: ${file.url} (mirror)`,
    )
    await expect(dialog.getByRole('list', { name: 'Links recognised' }).getByRole('listitem')).toHaveText([
      '1 file',
    ])
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()

    await drop({ 'text/uri-list': `# dragged from a browser\r\n${shared.url}\r\n` })
    await expect(dialog.getByRole('textbox', { name: 'Links', exact: true })).toHaveValue(shared.url)
    await expect(dialog.getByRole('list', { name: 'Links recognised' }).getByRole('listitem')).toHaveText([
      '1 folder',
    ])
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(stateCounts(page)).toContainText('1 done', { timeout: 15_000 })
    const onDisk = await readFile(join(service.downloadsDir, 'inside.txt'), 'utf8')
    expect(onDisk).toBe('inside')
  })
})
