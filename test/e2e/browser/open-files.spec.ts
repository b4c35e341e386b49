import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { EMULATOR_ACCOUNTS } from '../fixtures/emulator-accounts'
import { expect, test } from '../fixtures/test'
import { allFinished, waitForTransfers } from '../../helpers/wait-for-transfers'

const { key } = EMULATOR_ACCOUNTS.premium

const transferRows = (page: Page) =>
  page.getByRole('list', { name: 'Transfers', exact: true }).getByRole('listitem')

async function go(page: Page, section: string, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
}

test.describe('opening transfers’ files', () => {
  test('asks before running a downloaded program, and a "Cancel" there is no error', async ({
    app,
    service,
    emulator,
  }) => {
    const { page } = app
    const remote = await emulator.control.createFile({ key, name: 'setup.exe', content: 'MZ'.repeat(500) })
    const added = await service.bridge.invoke('transfers:add', { kind: 'download', text: remote.url })
    expect(added.ok).toBe(true)
    await waitForTransfers(service.bridge, allFinished)

    await page.getByRole('button', { name: 'Open setup.exe' }).click()
    await expect
      .poll(() => service.confirmations.map(({ name, origin }) => ({ name, origin })))
      .toEqual([{ name: 'setup.exe', origin: remote.url }])
    expect(service.opened).toEqual([])
    // A later action's answer has come back, so the first one's has too: and it showed no error.
    await page.getByRole('button', { name: 'Show setup.exe in its folder' }).click()
    await expect.poll(() => service.opened.map((request) => request.reveal)).toEqual([true])
    await expect(page.getByRole('region', { name: 'Notifications' }).getByRole('alert')).toHaveCount(0)
  })

  test('opens a finished download, shows files in their folder, and explains a missing file', async ({
    app,
    service,
    emulator,
    localDir: dir,
  }) => {
    test.setTimeout(60_000)
    const { page } = app
    const remote = await emulator.control.createFile({
      key,
      name: 'report.pdf',
      content: 'pdf '.repeat(3000),
    })
    const localPath = join(dir, 'notes.txt')
    await writeFile(localPath, 'notes '.repeat(500))
    const down = await service.bridge.invoke('transfers:add', { kind: 'download', text: remote.url })
    const up = await service.bridge.invoke('transfers:add', {
      kind: 'upload',
      paths: [localPath],
      folderId: 0,
    })
    expect(down.ok && up.ok).toBe(true)
    await waitForTransfers(service.bridge, (items) => items.length === 2 && allFinished(items))
    const saved = join(service.downloadsDir, 'report.pdf')
    expect(await readFile(saved, 'utf8')).toBe('pdf '.repeat(3000))

    const rows = transferRows(page)
    await expect(rows.filter({ hasText: 'Done' })).toHaveCount(2)
    // A finished download offers both; an upload only shows its source in its folder.
    await page.getByRole('button', { name: 'Open report.pdf' }).click()
    await page.getByRole('button', { name: 'Show report.pdf in its folder' }).click()
    await expect(page.getByRole('button', { name: 'Open notes.txt' })).toHaveCount(0)
    await page.getByRole('button', { name: 'Show notes.txt in its folder' }).click()
    await expect
      .poll(() => service.opened)
      .toEqual([
        { path: saved, reveal: false },
        { path: saved, reveal: true },
        { path: localPath, reveal: true },
      ])

    // The selection toolbar opens what applies among the selected rows.
    await page.getByRole('checkbox', { name: 'Select all' }).check()
    const bar = page.getByRole('toolbar', { name: 'Selection actions' })
    await bar.getByRole('button', { name: 'Open', exact: true }).click()
    await expect.poll(() => service.opened.length).toBe(4)
    expect(service.opened[3]).toEqual({ path: saved, reveal: false })
    await app.screenshots('transfers-open-actions')

    // History rows offer the same.
    await go(page, 'History', 'History')
    const table = page.getByRole('table', { name: 'Finished transfers' })
    await table.getByRole('button', { name: 'Show report.pdf in its folder' }).click()
    await expect.poll(() => service.opened.length).toBe(5)
    expect(service.opened[4]).toEqual({ path: saved, reveal: true })

    // Deleted behind the app's back: the toast says so and what to do.
    await rm(saved)
    await table.getByRole('button', { name: 'Open report.pdf' }).click()
    const alert = page.getByRole('region', { name: 'Notifications' }).getByRole('alert')
    await expect(alert).toContainText('Open failed: report.pdf is no longer where it was on this computer.')
    await expect(alert).toContainText('It was moved or deleted: download it again.')
    expect(service.opened).toHaveLength(5)
    await app.screenshots('history-open-missing')
  })

  test('speaks French on the buttons and in the toast', async ({ app, service, emulator }) => {
    test.setTimeout(60_000)
    const { page } = app
    const updated = await service.bridge.invoke('settings:update', { language: 'fr' })
    expect(updated.ok).toBe(true)
    await page.reload()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Transferts')
    const remote = await emulator.control.createFile({ key, name: 'photo.jpg', content: 'jpg '.repeat(2000) })
    const added = await service.bridge.invoke('transfers:add', { kind: 'download', text: remote.url })
    expect(added.ok).toBe(true)
    await waitForTransfers(service.bridge, allFinished)
    const open = page.getByRole('button', { name: 'Ouvrir photo.jpg' })
    await expect(open).toBeVisible()
    await expect(page.getByRole('button', { name: 'Afficher photo.jpg dans son dossier' })).toBeVisible()
    await rm(join(service.downloadsDir, 'photo.jpg'))
    await open.click()
    const alert = page.getByRole('region', { name: 'Notifications' }).getByRole('alert')
    await expect(alert).toContainText('photo.jpg n’est plus à son emplacement sur cet ordinateur.')
    await expect(alert).toContainText('Il a été déplacé ou supprimé : téléchargez-le à nouveau.')
    expect(service.opened).toEqual([])
    await app.screenshots('transfers-open-missing-fr')
  })
})
