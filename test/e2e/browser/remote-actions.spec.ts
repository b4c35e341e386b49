import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { allFinished, waitForTransfers } from '../../helpers/wait-for-transfers'
import { EMULATOR_ACCOUNTS } from '../fixtures/emulator-accounts'
import { expect, test } from '../fixtures/test'

const { key } = EMULATOR_ACCOUNTS.premium

async function openRemote(page: Page, label = 'Remote files'): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: label }).click()
}

const row = (page: Page, table: string, name: string) =>
  page
    .getByRole('table', { name: `Contents of ${table}` })
    .getByRole('row')
    .filter({ hasText: name })

test.describe('acting on remote files', () => {
  test('selects rows, then creates, renames, moves (by dialog and by drag) and deletes, as 1fichier sees it', async ({
    app,
    emulator,
  }) => {
    test.setTimeout(60_000)
    const { page } = app
    const photos = emulator.control.createFolder({ key, name: 'Photos' })
    const summer = emulator.control.createFolder({ key, parentId: photos.id, name: 'Summer' })
    await emulator.control.createFile({ key, folderId: summer.id, name: 'sea.jpg', content: 'sea' })
    await emulator.control.createFile({ key, name: 'readme.txt', content: 'r'.repeat(300) })
    await emulator.control.createFile({ key, name: 'notes.txt', content: 'n'.repeat(30) })
    await openRemote(page)
    const root = page.getByRole('table', { name: 'Contents of My files' })
    await expect(root.getByRole('row')).toHaveCount(4)

    // Selection: one row, then all of them, then none.
    const selection = page.getByRole('toolbar', { name: 'Actions on the selection' })
    await expect(selection.getByRole('button', { name: 'Delete' })).toBeDisabled()
    await page.getByRole('checkbox', { name: 'Select readme.txt' }).check()
    await expect(selection).toContainText('1 selected')
    await expect(selection.getByRole('button', { name: 'Rename' })).toBeEnabled()
    await page.getByRole('checkbox', { name: 'Select all' }).check()
    await expect(selection).toContainText('3 selected')
    await expect(selection.getByRole('button', { name: 'Rename' })).toBeDisabled()
    await app.screenshots('remote-selection')
    await page.getByRole('checkbox', { name: 'Select all' }).uncheck()
    await expect(selection).toContainText('Select files or folders')

    // New folder: a refused name stays in the dialog with the reason; Escape cancels; Enter confirms.
    await page.getByRole('button', { name: 'New folder' }).click()
    const newFolder = page.getByRole('dialog', { name: 'New folder in My files' })
    const name = newFolder.getByRole('textbox', { name: 'Folder name' })
    await expect(name).toBeFocused()
    await name.fill('a/b')
    await name.press('Enter')
    await expect(newFolder.getByRole('alert')).toHaveText(
      'A name cannot hold slashes, backslashes or control characters.',
    )
    await expect(name).toHaveValue('a/b')
    await app.screenshots('remote-new-folder-dialog')
    await name.press('Escape')
    await expect(newFolder).toBeHidden()
    expect(emulator.control.listFolders(key).map((f) => f.name)).not.toContain('a/b')
    await page.getByRole('button', { name: 'New folder' }).click()
    await expect(name).toHaveValue('')
    await name.fill('Archive')
    await name.press('Enter')
    await expect(newFolder).toBeHidden()
    await expect(root.getByRole('button', { name: 'Archive' })).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: 'Folder Archive created.' })).toBeVisible()
    const archive = emulator.control.listFolders(key).find((f) => f.name === 'Archive')
    expect(archive?.parentId).toBe(0)

    // Rename one file (F2, as the Rename button): the dialog starts from its name.
    await page.getByRole('checkbox', { name: 'Select readme.txt' }).check()
    await expect(selection.getByRole('button', { name: 'Rename' })).toBeEnabled()
    await page.getByRole('checkbox', { name: 'Select readme.txt' }).press('F2')
    const rename = page.getByRole('dialog', { name: 'Rename readme.txt' })
    await expect(rename.getByRole('textbox', { name: 'New name' })).toHaveValue('readme.txt')
    await expect(rename.getByRole('textbox', { name: 'New name' })).toBeFocused()
    await app.screenshots('remote-rename-dialog')
    await rename.getByRole('textbox', { name: 'New name' }).fill('read-me.txt')
    await rename.getByRole('button', { name: 'Rename' }).click()
    await expect(rename).toBeHidden()
    await expect(row(page, 'My files', 'read-me.txt')).toBeVisible()
    await expect(row(page, 'My files', 'readme.txt')).toHaveCount(0)
    expect(emulator.control.listFiles(key).map((f) => f.name)).toContain('read-me.txt')

    // Move two files with the dialog: browse into Photos, then confirm.
    await page.getByRole('checkbox', { name: 'Select read-me.txt' }).check()
    await page.getByRole('checkbox', { name: 'Select notes.txt' }).check()
    await selection.getByRole('button', { name: 'Move' }).click()
    const move = page.getByRole('dialog', { name: 'Move 2 items' })
    await expect(move.getByRole('button', { name: 'Move to My files' })).toBeFocused()
    await move.getByRole('button', { name: 'Open Photos' }).click()
    await expect(move.getByRole('button', { name: 'Open Summer' })).toBeFocused()
    await app.screenshots('remote-move-dialog')
    await move.getByRole('button', { name: 'Move to Photos' }).click()
    await expect(move).toBeHidden()
    await expect(page.getByRole('status').filter({ hasText: '2 items moved to Photos.' })).toBeVisible()
    await expect(root.getByRole('row')).toHaveCount(3)
    const inFolder = () =>
      Object.fromEntries(emulator.control.listFiles(key).map((file) => [file.name, file.folderId]))
    expect(inFolder()).toEqual({ 'read-me.txt': photos.id, 'notes.txt': photos.id, 'sea.jpg': summer.id })

    // Drag a folder row onto another folder row.
    await row(page, 'My files', 'Archive').dragTo(row(page, 'My files', 'Photos'))
    await expect(page.getByRole('status').filter({ hasText: '1 item moved to Photos.' })).toBeVisible()
    await expect(root.getByRole('row')).toHaveCount(2)
    await expect
      .poll(() => emulator.control.listFolders(key).find((f) => f.name === 'Archive')?.parentId)
      .toBe(photos.id)

    // Delete a folder with what is in it, and a file, after a confirmation naming them.
    await root.getByRole('button', { name: 'Photos' }).click()
    const inPhotos = page.getByRole('table', { name: 'Contents of Photos' })
    await expect(inPhotos.getByRole('row')).toHaveCount(5)
    await page.getByRole('checkbox', { name: 'Select Summer' }).check()
    await page.getByRole('checkbox', { name: 'Select notes.txt' }).check()
    // The Delete key asks the same as the Delete button.
    await page.getByRole('checkbox', { name: 'Select notes.txt' }).press('Delete')
    const confirm = page.getByRole('dialog', { name: 'Delete 2 items?' })
    await expect(confirm.getByRole('listitem')).toHaveText([
      'Summer: folder, with everything in it',
      'notes.txt',
    ])
    await expect(confirm.getByRole('button', { name: 'Delete' })).toBeFocused()
    await app.screenshots('remote-delete-dialog')
    await confirm.getByRole('button', { name: 'Delete' }).press('Enter')
    await expect(confirm).toBeHidden()
    await expect(page.getByRole('status').filter({ hasText: '2 items deleted.' })).toBeVisible()
    await expect(inPhotos.getByRole('row')).toHaveCount(3)
    expect(inFolder()).toEqual({ 'read-me.txt': photos.id })
    expect(
      emulator.control
        .listFolders(key)
        .map((f) => f.name)
        .sort(),
    ).toEqual(['Archive', 'Photos'])
  })

  test.describe('when 1fichier refuses a name', () => {
    test.use({ emulatorOptions: { mkdirDuplicates: 'refuse' } })

    test('shows its answer in the dialog and keeps what was typed', async ({ app, emulator }) => {
      const { page } = app
      emulator.control.createFolder({ key, name: 'Photos' })
      await openRemote(page)
      await expect(page.getByRole('table', { name: 'Contents of My files' }).getByRole('row')).toHaveCount(2)
      await page.getByRole('button', { name: 'New folder' }).click()
      const dialog = page.getByRole('dialog', { name: 'New folder in My files' })
      await dialog.getByRole('textbox', { name: 'Folder name' }).fill('Photos')
      await dialog.getByRole('button', { name: 'Create' }).click()
      await expect(dialog.getByRole('alert')).toContainText('Folder already exists')
      await expect(dialog.getByRole('textbox', { name: 'Folder name' })).toHaveValue('Photos')
      expect(emulator.control.listFolders(key).filter((f) => f.name === 'Photos')).toHaveLength(1)
    })
  })

  test('downloads files and whole folders with their sub-folders, byte for byte', async ({
    app,
    emulator,
    service,
  }) => {
    test.setTimeout(60_000)
    const { page } = app
    const photos = emulator.control.createFolder({ key, name: 'Photos' })
    const summer = emulator.control.createFolder({ key, parentId: photos.id, name: 'Summer' })
    emulator.control.createFolder({ key, parentId: photos.id, name: 'Empty' })
    await emulator.control.createFile({ key, name: 'readme.txt', content: 'readme '.repeat(400) })
    await emulator.control.createFile({ key, name: 'other.txt', content: 'not selected' })
    await emulator.control.createFile({
      key,
      folderId: photos.id,
      name: 'beach.jpg',
      content: 'beach '.repeat(900),
    })
    await emulator.control.createFile({
      key,
      folderId: summer.id,
      name: 'sea.jpg',
      content: 'sea '.repeat(700),
    })
    await openRemote(page)

    // No download folder set (the system's default, which only the app can name): no folder picker,
    // the folder keeps its structure inside the download folder all the same.
    const settings = await service.bridge.invoke('settings:get', {})
    expect(settings.ok && settings.value.downloadDir).toBe('')
    await page.getByRole('checkbox', { name: 'Select Photos' }).check()
    await page.getByRole('checkbox', { name: 'Select readme.txt' }).check()
    await page.getByRole('button', { name: 'Download' }).click()
    await expect(page.getByRole('status').filter({ hasText: '3 downloads added.' })).toBeVisible()
    await app.screenshots('remote-download-added')

    const items = await waitForTransfers(service.bridge, allFinished)
    expect(items.map((item) => [item.name, item.status]).sort()).toEqual([
      ['beach.jpg', 'completed'],
      ['readme.txt', 'completed'],
      ['sea.jpg', 'completed'],
    ])
    const stored = emulator.control.listFiles(key)
    const expected: Record<string, string> = {
      'readme.txt': 'readme.txt',
      'beach.jpg': join('Photos', 'beach.jpg'),
      'sea.jpg': join('Photos', 'Summer', 'sea.jpg'),
    }
    for (const [name, path] of Object.entries(expected)) {
      const file = stored.find((candidate) => candidate.name === name)
      if (!file) throw new Error(`${name} is not in the emulator`)
      const onDisk = await readFile(join(service.downloadsDir, path))
      expect(onDisk.equals(emulator.control.readFile(key, file.id)), `${path} is byte-identical`).toBe(true)
    }

    // Shown in Transfers, where the notice leads.
    await page.getByRole('button', { name: 'Show transfers' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Transfers')
  })

  test.describe('with the clipboard', () => {
    test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

    test('copies links of files, and shares a folder behind a password with its link to copy', async ({
      app,
      emulator,
    }) => {
      const { page } = app
      const photos = emulator.control.createFolder({ key, name: 'Photos' })
      const readme = await emulator.control.createFile({ key, name: 'readme.txt', content: 'r' })
      const notes = await emulator.control.createFile({ key, name: 'notes.txt', content: 'n' })
      await openRemote(page)
      const clipboard = () => page.evaluate<string>('navigator.clipboard.readText()')

      await row(page, 'My files', 'readme.txt').getByRole('button', { name: 'Copy link' }).click()
      await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible()
      expect(await clipboard()).toBe(readme.url)

      await page.getByRole('checkbox', { name: 'Select readme.txt' }).check()
      await page.getByRole('checkbox', { name: 'Select notes.txt' }).check()
      await page.getByRole('button', { name: 'Copy links' }).click()
      await expect(page.getByRole('status').filter({ hasText: '2 links copied.' })).toBeVisible()
      expect((await clipboard()).split('\n').sort()).toEqual([readme.url, notes.url].sort())

      await page.getByRole('checkbox', { name: 'Select readme.txt' }).uncheck()
      await page.getByRole('checkbox', { name: 'Select notes.txt' }).uncheck()
      await page.getByRole('checkbox', { name: 'Select Photos' }).check()
      await page.getByRole('button', { name: 'Share' }).click()
      const share = page.getByRole('dialog', { name: 'Share Photos' })
      const password = share.getByLabel('Password (optional)')
      await expect(password).toBeFocused()
      await password.fill('short')
      await password.press('Enter')
      await expect(share.getByRole('alert')).toHaveText('A password needs at least 6 characters.')
      expect(emulator.control.listFolders(key).find((f) => f.id === photos.id)?.sharedUrl).toBeUndefined()
      await password.fill('secret-pass')
      await share.getByRole('button', { name: 'Share' }).click()
      const link = share.getByRole('textbox', { name: 'Public link' })
      await expect(link).toHaveValue(/\/dir\//)
      // Read once the dialog shows the link: the share call has been answered by then.
      const sharedUrl = emulator.control.listFolders(key).find((f) => f.id === photos.id)?.sharedUrl
      expect(sharedUrl).toBeDefined()
      await expect(link).toHaveValue(sharedUrl ?? '')
      await share.getByRole('button', { name: 'Copy', exact: true }).click()
      await expect(share.getByRole('status')).toHaveText('Link copied.')
      expect(await clipboard()).toBe(sharedUrl)
      await app.screenshots('remote-share-dialog')
      await share.getByRole('button', { name: 'Close' }).click()
      await expect(share).toBeHidden()
    })
  })

  test('browses with the folder tree, listing each folder when it is opened', async ({ app, emulator }) => {
    const { page } = app
    const photos = emulator.control.createFolder({ key, name: 'Photos' })
    const summer = emulator.control.createFolder({ key, parentId: photos.id, name: 'Summer' })
    emulator.control.createFolder({ key, parentId: summer.id, name: 'Day 1' })
    await emulator.control.createFile({ key, folderId: summer.id, name: 'sea.jpg', content: 'sea' })
    await openRemote(page)
    const tree = page.getByRole('navigation', { name: 'Folders' })
    await expect(tree.getByRole('button', { name: 'Photos', exact: true })).toBeVisible()
    await expect(tree.getByRole('button', { name: 'Summer', exact: true })).toHaveCount(0)
    const listingsBefore = emulator.control.stats().requests['/v1/folder/ls.cgi'] ?? 0
    await tree.getByRole('button', { name: 'Expand Photos' }).click()
    await expect(tree.getByRole('button', { name: 'Collapse Photos' })).toHaveAttribute(
      'aria-expanded',
      'true',
    )
    await expect(tree.getByRole('button', { name: 'Summer', exact: true })).toBeVisible()
    expect(emulator.control.stats().requests['/v1/folder/ls.cgi'] ?? 0).toBe(listingsBefore + 1)

    await tree.getByRole('button', { name: 'Summer', exact: true }).click()
    await expect(
      page.getByRole('table', { name: 'Contents of Summer' }).getByRole('cell', { name: 'sea.jpg' }),
    ).toBeVisible()
    await expect(tree.getByRole('button', { name: 'Summer', exact: true })).toHaveAttribute(
      'aria-current',
      'location',
    )
    await expect(page.getByRole('navigation', { name: 'Folder path' }).getByRole('listitem')).toHaveText([
      'My files',
      'Photos',
      'Summer',
    ])
    await expect(tree.getByRole('button', { name: 'Day 1', exact: true })).toBeVisible()
    await app.screenshots('remote-folder-tree')

    // A row dropped on a folder of the tree moves there.
    await row(page, 'Summer', 'sea.jpg').dragTo(tree.getByRole('button', { name: 'Photos', exact: true }))
    await expect(page.getByRole('status').filter({ hasText: '1 item moved to Photos.' })).toBeVisible()
    await expect(row(page, 'Summer', 'sea.jpg')).toHaveCount(0)
    expect(emulator.control.listFiles(key).map((f) => [f.name, f.folderId])).toEqual([['sea.jpg', photos.id]])
  })
})

test.describe('with 1fichier pacing listings', () => {
  test.use({ serviceOptions: { client: { listingIntervalMs: 60_000 } } })

  test('says when a listing came from the cache', async ({ app, emulator }) => {
    const { page } = app
    emulator.control.createFolder({ key, name: 'Photos' })
    await openRemote(page)
    await expect(page.getByText(/^Listed at [^,]+\.$/)).toBeVisible()
    await page
      .getByRole('table', { name: 'Contents of My files' })
      .getByRole('button', { name: 'Photos' })
      .click()
    await expect(page.getByRole('heading', { name: 'This folder is empty' })).toBeVisible()
    const listings = emulator.control.stats().requests['/v1/folder/ls.cgi']
    await page
      .getByRole('navigation', { name: 'Folder path' })
      .getByRole('button', { name: 'My files' })
      .click()
    await expect(
      page.getByText(/from the cache: 1fichier allows one listing of a folder every 30 s/),
    ).toBeVisible()
    expect(emulator.control.stats().requests['/v1/folder/ls.cgi']).toBe(listings)
    await app.screenshots('remote-files-cached')
  })
})

test.describe('with 1fichier pacing listings by a few seconds', () => {
  test.use({ serviceOptions: { client: { listingIntervalMs: 3_000 } } })

  test('shows a change at once, then the listing 1fichier gives when it allows one', async ({
    app,
    emulator,
  }) => {
    const { page } = app
    await emulator.control.createFile({ key, name: 'old.txt', content: 'old' })
    await openRemote(page)
    const root = page.getByRole('table', { name: 'Contents of My files' })
    await expect(root.getByRole('row')).toHaveCount(2)
    await page.getByRole('button', { name: 'New folder' }).click()
    await page.getByRole('textbox', { name: 'Folder name' }).fill('Fresh')
    await page.getByRole('textbox', { name: 'Folder name' }).press('Enter')
    // 1fichier has it, the view shows it, and says the listing is on its way.
    await expect(root.getByRole('button', { name: 'Fresh' })).toBeVisible()
    await expect(page.getByText(/^Updating from 1fichier/)).toBeVisible()
    expect(emulator.control.listFolders(key).map((f) => f.name)).toEqual(['Fresh'])
    await app.screenshots('remote-files-updating')
    await expect(page.getByText(/^Listed at [^,]+\.$/)).toBeVisible({ timeout: 10_000 })
    await expect(root.getByRole('row')).toHaveCount(3)
  })
})

test.describe('when 1fichier fails', () => {
  test('says the folder could not be listed and what to do, then lists it on retry', async ({
    app,
    emulator,
  }) => {
    const { page } = app
    emulator.control.createFolder({ key, name: 'Photos' })
    // Every attempt the client makes fails, once.
    emulator.control.failNext({ path: '/v1/folder/ls.cgi', status: 500, times: 4 })
    await openRemote(page)
    await expect(page.getByRole('heading', { name: 'Could not list this folder' })).toBeVisible()
    await expect(page.getByText('Check your connection, then refresh.')).toBeVisible()
    await app.screenshots('remote-files-failed')
    await page.getByRole('button', { name: 'Retry' }).click()
    await expect(
      page.getByRole('table', { name: 'Contents of My files' }).getByRole('button', { name: 'Photos' }),
    ).toBeVisible()
  })
})

test.describe('uploading into the open folder', () => {
  test('shows an empty folder with what to do, and uploads chosen files into it', async ({
    app,
    emulator,
    service,
    localDir: dir,
  }) => {
    const { page, exposed } = app
    const inbox = emulator.control.createFolder({ key, name: 'Inbox' })
    await openRemote(page)
    await page
      .getByRole('table', { name: 'Contents of My files' })
      .getByRole('button', { name: 'Inbox' })
      .click()
    await expect(page.getByRole('heading', { name: 'This folder is empty' })).toBeVisible()
    await expect(page.getByText('Drop files or folders anywhere on this window')).toBeVisible()

    await writeFile(join(dir, 'report.pdf'), 'report '.repeat(300))
    await exposed.registerFile('report.pdf', join(dir, 'report.pdf'))
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Upload here' }).click()
    await (await chooser).setFiles(join(dir, 'report.pdf'))
    await expect(page.getByRole('status').filter({ hasText: '1 upload to Inbox added.' })).toBeVisible()
    await waitForTransfers(service.bridge, allFinished)
    expect(emulator.control.listFiles(key).map((f) => [f.name, f.folderId])).toEqual([
      ['report.pdf', inbox.id],
    ])
    await page.getByRole('button', { name: 'Refresh' }).click()
    await expect(
      page.getByRole('table', { name: 'Contents of Inbox' }).getByRole('cell', { name: 'report.pdf' }),
    ).toBeVisible()
  })
})

test.describe('the Remote files view in French', () => {
  test('speaks French, from the toolbar to the dialogs', async ({ app, emulator, service }) => {
    const { page } = app
    emulator.control.createFolder({ key, name: 'Photos' })
    await emulator.control.createFile({ key, name: 'lisez-moi.txt', content: 'bonjour' })
    const updated = await service.bridge.invoke('settings:update', { language: 'fr' })
    expect(updated.ok).toBe(true)
    await page.reload()
    await openRemote(page, 'Fichiers distants')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fichiers distants')
    const table = page.getByRole('table', { name: 'Contenu de Mes fichiers' })
    await expect(table.getByRole('row')).toHaveCount(3)
    await page.getByRole('checkbox', { name: 'Sélectionner Photos' }).check()
    const selection = page.getByRole('toolbar', { name: 'Actions sur la sélection' })
    await expect(selection).toContainText('1 sélectionné')
    for (const label of ['Télécharger', 'Renommer', 'Déplacer', 'Partager', 'Supprimer']) {
      await expect(selection.getByRole('button', { name: label })).toBeEnabled()
    }
    await selection.getByRole('button', { name: 'Supprimer' }).click()
    const confirm = page.getByRole('dialog', { name: 'Supprimer 1 élément ?' })
    await expect(confirm.getByRole('listitem')).toHaveText(['Photos : dossier, avec tout son contenu'])
    await app.screenshots('remote-delete-dialog-fr')
    await confirm.getByRole('button', { name: 'Annuler' }).click()
    await expect(confirm).toBeHidden()
    expect(emulator.control.listFolders(key).map((f) => f.name)).toContain('Photos')
  })
})
