import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { syntheticBytes } from '../../emulator/index'
import { EMULATOR_ACCOUNTS } from '../fixtures/emulator-accounts'
import { expect, test } from '../fixtures/test'

const { key } = EMULATOR_ACCOUNTS.premium
const MiB = 1024 * 1024

/** A paste outside any text field, as Ctrl+V on the window sends it. */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate(`(() => {
    const data = new DataTransfer()
    data.setData('text/plain', ${JSON.stringify(text)})
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }))
  })()`)
}

const transferRows = (page: Page) =>
  page.getByRole('list', { name: 'Transfers', exact: true }).getByRole('listitem')
const stateCounts = (page: Page) => page.getByRole('list', { name: 'Transfers by state' })

test.describe('the Transfers view', () => {
  test('says what to do when the queue is empty', async ({ app }) => {
    await expect(app.page.getByRole('heading', { name: 'No transfers yet' })).toBeVisible()
    await app.screenshots('transfers-empty')
  })

  test('downloads a paste of 50 mixed links and reports what it did not add', async ({
    app,
    service,
    emulator,
  }) => {
    test.setTimeout(120_000)
    const { page } = app
    // 40 files, a shared folder of 3, 4 repeated links, 4 lines that are not valid links, and prose.
    const files = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        emulator.control.createFile({
          key,
          name: `photo-${String(index + 1).padStart(2, '0')}.jpg`,
          content: `photo ${index + 1} `.repeat(200 + index),
        }),
      ),
    )
    const album = emulator.control.createFolder({ key, name: 'Album' })
    const inAlbum = ['cover.png', 'track-1.flac', 'track-2.flac']
    for (const name of inAlbum) {
      await emulator.control.createFile({ key, folderId: album.id, name, content: `${name} `.repeat(300) })
    }
    const shared = emulator.control.shareFolder({ key, folderId: album.id })
    const invalid = [
      'https://1fichier.com/?abc',
      'https://1fichier.com/dir/',
      'https://1fichier.com/?bad_id!!!',
      'ftp://1fichier.com/?abcdefgh',
    ]
    const lines = [
      ...files.slice(0, 20).map((file) => file.url),
      'Here is the album:',
      shared.url,
      ...invalid,
      ...files.slice(20).map((file) => `${file.url}&af=1234`),
      ...files.slice(0, 4).map((file) => `again: ${file.url}`),
    ]
    expect(lines).toHaveLength(50)

    // Pasted from another section: the dialog opens over the Transfers view.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings')
    await paste(page, lines.join('\n'))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Transfers')
    const dialog = page.getByRole('dialog', { name: 'Add links' })
    await expect(dialog.getByRole('textbox', { name: 'Links', exact: true })).toHaveValue(lines.join('\n'))
    await expect(dialog.getByRole('list', { name: 'Links recognised' }).getByRole('listitem')).toHaveText([
      '40 files',
      '1 folder',
      '4 duplicates',
      '4 not recognised',
    ])
    await expect(dialog.getByText('40 files and 1 folder to add.')).toBeVisible()
    await expect(
      dialog.getByRole('list', { name: 'Lines not recognised' }).getByRole('listitem'),
    ).toHaveCount(4)
    await app.screenshots('add-links-preview')

    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(dialog.getByRole('status', { name: 'Add result' })).toContainText(
      'Added 43, 4 already in the queue, 4 not recognised.',
    )
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect(dialog).toBeHidden()

    await expect(stateCounts(page)).toContainText('43 done', { timeout: 90_000 })
    await expect(transferRows(page).first()).toHaveAttribute('data-status', 'completed')
    await app.screenshots('transfers-completed')

    for (const [index, file] of files.entries()) {
      const onDisk = await readFile(
        join(service.downloadsDir, `photo-${String(index + 1).padStart(2, '0')}.jpg`),
      )
      expect(onDisk.equals(emulator.control.readFile(key, file.id)), `photo ${index + 1}`).toBe(true)
    }
    const downloaded = await readdir(service.downloadsDir, { recursive: true })
    for (const name of inAlbum)
      expect(
        downloaded.some((path) => path.endsWith(name)),
        name,
      ).toBe(true)
  })

  test('pauses and resumes every transfer with the toolbar', async ({ app, service, emulator }) => {
    test.setTimeout(60_000)
    const { page } = app
    const size = 16 * MiB
    const created = await Promise.all(
      [1, 2, 3].map((seed) =>
        emulator.control.createFile({ key, name: `part-${seed}.iso`, synthetic: { size, seed } }),
      ),
    )
    emulator.control.setSpeedCap(128 * 1024)
    await service.bridge.invoke('transfers:add', {
      kind: 'download',
      text: created.map((file) => file.url).join('\n'),
    })
    await expect(stateCounts(page)).toContainText('3 active', { timeout: 15_000 })
    await expect(page.getByRole('progressbar', { name: 'Progress of part-1.iso' })).not.toHaveAttribute(
      'aria-valuenow',
      '0',
    )

    await page.getByRole('button', { name: 'Pause all' }).click()
    await expect(stateCounts(page)).toContainText('3 paused')
    await expect(transferRows(page).filter({ hasText: 'Paused' })).toHaveCount(3)
    const paused = await service.bridge.invoke('transfers:list', {})
    const pausedItems = paused.ok ? paused.value.items : []
    expect(pausedItems.map((item) => item.status)).toEqual(['paused', 'paused', 'paused'])
    expect(pausedItems.every((item) => item.bytesDone < size)).toBe(true)
    await app.screenshots('transfers-paused')

    emulator.control.setSpeedCap(0)
    await page.getByRole('button', { name: 'Resume all' }).click()
    await expect(stateCounts(page)).toContainText('3 done', { timeout: 30_000 })
    for (const [index, file] of created.entries()) {
      const onDisk = await readFile(join(service.downloadsDir, `part-${index + 1}.iso`))
      expect(onDisk.equals(syntheticBytes(file.seed ?? 0, size)), `part-${index + 1}.iso`).toBe(true)
    }
  })

  test('filters by kind, state and text', async ({ app, service, emulator }) => {
    const { page } = app
    const report = await emulator.control.createFile({ key, name: 'report.pdf', content: 'report' })
    const slides = await emulator.control.createFile({ key, name: 'slides.odp', content: 'slides' })
    await service.bridge.invoke('transfers:add', { kind: 'download', text: report.url })
    await expect(stateCounts(page)).toContainText('1 done', { timeout: 15_000 })
    await service.bridge.invoke('transfers:add', { kind: 'download', text: slides.url, start: false })
    await expect(stateCounts(page)).toContainText('1 paused')

    const rows = transferRows(page)
    await expect(rows).toHaveCount(2)
    await page.getByRole('combobox', { name: 'State' }).selectOption('paused')
    await expect(rows).toHaveCount(1)
    await expect(rows.first()).toHaveAttribute('data-status', 'paused')
    await page.getByRole('combobox', { name: 'State' }).selectOption('any')
    await page.getByRole('searchbox', { name: 'Search transfers' }).fill('report')
    await expect(rows).toHaveCount(1)
    await expect(page.getByRole('listitem', { name: 'report.pdf' })).toBeVisible()
    await page.getByRole('button', { name: 'Uploads', exact: true }).click()
    await expect(page.getByText('No transfer matches this filter.')).toBeVisible()
  })

  test('keeps 10,000 queued items scrollable with few rows in the DOM', async ({ app, service }) => {
    test.setTimeout(90_000)
    const { page } = app
    const ids = Array.from({ length: 10_000 }, (_, index) => `bulk${String(index).padStart(5, '0')}`)
    const added = await service.bridge.invoke('transfers:add', {
      kind: 'download',
      text: ids.map((id) => `https://1fichier.com/?${id}`).join('\n'),
      start: false,
    })
    expect(added.ok && added.value.addedIds).toHaveLength(10_000)
    await expect(stateCounts(page)).toContainText('10000 paused', { timeout: 30_000 })
    const rows = transferRows(page)
    await expect(rows.first()).toContainText('bulk00000')
    expect(await rows.count()).toBeLessThan(200)
    await app.screenshots('transfers-10000')

    await page
      .locator('.transfer-list')
      .evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
    await expect(rows.filter({ hasText: 'bulk09999' })).toBeVisible()
    await expect(rows.filter({ hasText: 'bulk00000' })).toHaveCount(0)
    expect(await rows.count()).toBeLessThan(200)
    await page
      .locator('.transfer-list')
      .evaluate((element) => element.scrollTo({ top: element.scrollHeight / 2 }))
    await expect(rows.filter({ hasText: 'bulk05000' })).toBeVisible()
    expect(await rows.count()).toBeLessThan(200)

    // Selecting all of them keeps the DOM as small.
    await page.keyboard.press('Control+a')
    await expect(page.getByRole('toolbar', { name: 'Selection actions' })).toContainText('10000 selected')
    await expect(rows.first()).toHaveAttribute('data-selected', 'true')
    expect(await rows.count()).toBeLessThan(200)
  })
})
