import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Page } from '@playwright/test'
import { EMULATOR_ACCOUNTS } from '../fixtures/emulator-accounts'
import { expect, test } from '../fixtures/test'

const { key } = EMULATOR_ACCOUNTS.premium

/**
 * Fires dragenter, then (unless `enterOnly`) drop, with a DataTransfer of `File`s built in the page,
 * one per name (a dropped folder is a `File` too; its path is what the app expands).
 */
async function dragFiles(page: Page, names: string[], enterOnly = false): Promise<void> {
  await page.evaluate(`(() => {
    const data = new DataTransfer()
    for (const name of ${JSON.stringify(names)}) data.items.add(new File(['x'], name))
    document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }))
    if (!${JSON.stringify(enterOnly)}) {
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }))
    }
  })()`)
}

const stateCounts = (page: Page) => page.getByRole('list', { name: 'Transfers by state' })

test.describe('dropping files on the window', () => {
  /** Writes `tree` (relative path → content) under the test's folder. */
  async function writeTree(dir: string, tree: Record<string, string>): Promise<void> {
    for (const [path, content] of Object.entries(tree)) {
      await mkdir(dirname(join(dir, path)), { recursive: true })
      await writeFile(join(dir, path), content)
    }
  }

  test('uploads files and a folder tree to the open remote folder, then shows them there', async ({
    app,
    emulator,
    localDir: dir,
  }) => {
    test.setTimeout(60_000)
    const { page, exposed } = app
    const tree = {
      'report.pdf': 'report '.repeat(500),
      'photo.jpg': 'photo '.repeat(800),
      'trip/b.jpg': 'b '.repeat(300),
      'trip/day1/a.jpg': 'a '.repeat(400),
      'trip/day1/c.jpg': 'c '.repeat(200),
    }
    await writeTree(dir, tree)
    for (const name of ['report.pdf', 'photo.jpg', 'trip']) await exposed.registerFile(name, join(dir, name))

    await dragFiles(page, ['report.pdf', 'photo.jpg', 'trip'], true)
    await expect(page.getByRole('region', { name: 'Drop to upload' })).toContainText(
      'Drop to upload to My files',
    )
    await app.screenshots('drop-overlay')
    await dragFiles(page, ['report.pdf', 'photo.jpg', 'trip'])
    await expect(page.getByRole('region', { name: 'Drop to upload' })).toBeHidden()
    // The upload options come first; left empty, the files are uploaded as they are.
    const options = page.getByRole('dialog', { name: 'Upload 3 items to My files' })
    await app.screenshots('upload-options')
    await options.getByRole('button', { name: 'Upload', exact: true }).click()
    await expect(options).toBeHidden()
    await expect(page.getByRole('status').filter({ hasText: '5 uploads to My files added.' })).toBeVisible()
    await expect(stateCounts(page)).toContainText('5 done', { timeout: 30_000 })
    await page.getByRole('button', { name: 'Uploads', exact: true }).click()
    await expect(page.getByRole('listitem', { name: 'a.jpg' })).toHaveAttribute('data-status', 'completed')
    await app.screenshots('transfers-uploads')

    // The emulator holds the same tree, byte for byte.
    const folders = emulator.control.listFolders(key)
    const trip = folders.find((folder) => folder.name === 'trip')
    const day1 = folders.find((folder) => folder.name === 'day1')
    expect(trip?.parentId).toBe(0)
    expect(day1?.parentId).toBe(trip?.id)
    const remote = emulator.control.listFiles(key)
    const expected: Record<string, number | undefined> = {
      'report.pdf': 0,
      'photo.jpg': 0,
      'b.jpg': trip?.id,
      'a.jpg': day1?.id,
      'c.jpg': day1?.id,
    }
    expect(Object.fromEntries(remote.map((file) => [file.name, file.folderId]))).toEqual(expected)
    for (const [path, content] of Object.entries(tree)) {
      const file = remote.find((candidate) => candidate.name === path.split('/').at(-1))
      expect(emulator.control.readFile(key, file?.id ?? '').toString(), path).toBe(content)
    }

    // …and so does the Remote files view, after a refresh.
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Remote files' })
      .click()
    await page.getByRole('button', { name: 'Refresh' }).click()
    const root = page.getByRole('table', { name: 'Contents of My files' })
    await expect(root.getByRole('button', { name: 'trip' })).toBeVisible()
    await expect(root.getByRole('cell', { name: 'report.pdf' })).toBeVisible()
    await expect(root.getByRole('cell', { name: 'photo.jpg' })).toBeVisible()
    await root.getByRole('button', { name: 'trip' }).click()
    const tripTable = page.getByRole('table', { name: 'Contents of trip' })
    await expect(tripTable.getByRole('button', { name: 'day1' })).toBeVisible()
    await expect(tripTable.getByRole('cell', { name: 'b.jpg' })).toBeVisible()

    // A drop now goes to the folder open in Remote files.
    await writeTree(dir, { 'beach.png': 'png '.repeat(100) })
    await exposed.registerFile('beach.png', join(dir, 'beach.png'))
    await dragFiles(page, ['beach.png'])
    await page
      .getByRole('dialog', { name: 'Upload 1 item to trip' })
      .getByRole('button', { name: 'Upload' })
      .click()
    await expect(page.getByRole('status').filter({ hasText: '1 upload to trip added.' })).toBeVisible()
    await expect(stateCounts(page)).toContainText('6 done', { timeout: 30_000 })
    expect(emulator.control.listFiles(key).find((file) => file.name === 'beach.png')?.folderId).toBe(trip?.id)
    await page.getByRole('button', { name: 'Refresh' }).click()
    await expect(tripTable.getByRole('cell', { name: 'beach.png' })).toBeVisible()
    await app.screenshots('remote-files-after-upload')
  })

  test('says what went wrong when a dropped file has no local path', async ({ app, service }) => {
    await dragFiles(app.page, ['unknown.bin'])
    const alert = app.page.getByRole('region', { name: 'Notifications' }).getByRole('alert')
    await expect(alert).toContainText('Could not start the upload')
    await expect(alert).toContainText('save them to a folder first')
    const list = await service.bridge.invoke('transfers:list', {})
    expect(list.ok && list.value.items).toEqual([])
  })
})
