import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures/test'

/** Fires dragenter, then (unless `enterOnly`) drop, with a DataTransfer of `File`s built in the page. */
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

test.describe('dropping files on the window', () => {
  test.use({
    serviceOptions: {
      key: 'AbCdEfGhIjKlMnOpQrStUvWxYz012345',
      folders: {
        0: {
          folderId: 0,
          name: 'My files',
          folders: [{ id: 7, name: 'Photos', createdAt: null, protected: false }],
          files: [],
        },
        7: { folderId: 7, name: 'Photos', folders: [], files: [] },
      },
    },
  })

  let dir: string
  test.beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fd-drop-'))
  })
  test.afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  test('uploads them to the remote folder open in Remote files', async ({ app, service }) => {
    const { page, exposed } = app
    const names = ['report.pdf', 'photo.jpg']
    for (const name of names) {
      await writeFile(join(dir, name), `content of ${name}`)
      await exposed.registerFile(name, join(dir, name))
    }

    await dragFiles(page, names, true)
    await expect(page.getByRole('region', { name: 'Drop to upload' })).toContainText(
      'Drop to upload to My files',
    )
    await app.screenshot('drop-overlay-light')
    await dragFiles(page, names)
    await expect(page.getByRole('region', { name: 'Drop to upload' })).toBeHidden()
    await expect(page.getByRole('status').filter({ hasText: '2 uploads to My files added.' })).toBeVisible()
    await expect(page.getByRole('listitem', { name: 'report.pdf' })).toBeVisible()
    expect(service.items().map(({ kind, source, target }) => ({ kind, source, target }))).toEqual([
      { kind: 'upload', source: join(dir, 'report.pdf'), target: '0' },
      { kind: 'upload', source: join(dir, 'photo.jpg'), target: '0' },
    ])

    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Remote files' })
      .click()
    await page
      .getByRole('table', { name: 'Contents of My files' })
      .getByRole('button', { name: 'Photos' })
      .click()
    await expect(page.getByRole('heading', { name: 'This folder is empty' })).toBeVisible()
    await writeFile(join(dir, 'beach.png'), 'png')
    await exposed.registerFile('beach.png', join(dir, 'beach.png'))
    await dragFiles(page, ['beach.png'])
    await expect(page.getByRole('status').filter({ hasText: '1 upload to Photos added.' })).toBeVisible()
    expect(service.items().at(-1)).toMatchObject({
      kind: 'upload',
      source: join(dir, 'beach.png'),
      target: '7',
    })
  })

  test('says what went wrong when a dropped file has no local path', async ({ app, service }) => {
    await dragFiles(app.page, ['unknown.bin'])
    await expect(app.page.getByRole('alert')).toContainText('Could not start the upload')
    expect(service.items()).toEqual([])
  })
})
