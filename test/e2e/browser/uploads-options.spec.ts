import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { EMULATOR_ACCOUNTS } from '../fixtures/emulator-accounts'
import { expect, test } from '../fixtures/test'

const { key } = EMULATOR_ACCOUNTS.premium

/** Fires dragenter and drop with a DataTransfer of `File`s built in the page, one per name. */
async function dropFiles(page: Page, names: string[]): Promise<void> {
  await page.evaluate(`(() => {
    const data = new DataTransfer()
    for (const name of ${JSON.stringify(names)}) data.items.add(new File(['x'], name))
    document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }))
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }))
  })()`)
}

const stateCounts = (page: Page) => page.getByRole('list', { name: 'Transfers by state' })

test.describe('upload options asked after a drop', () => {
  test.use({ contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } })
  test('sets password, description and access rules on the uploaded files, and remembers them', async ({
    app,
    service,
    emulator,
    localDir: dir,
  }) => {
    test.setTimeout(60_000)
    const { page, exposed } = app
    for (const name of ['plan.pdf', 'budget.ods']) {
      await writeFile(join(dir, name), `${name} `.repeat(400))
      await exposed.registerFile(name, join(dir, name))
    }

    await dropFiles(page, ['plan.pdf', 'budget.ods'])
    const dialog = page.getByRole('dialog', { name: 'Upload 2 items to My files' })
    await dialog.getByRole('textbox', { name: 'Password (optional)' }).fill('short')
    await dialog.getByRole('textbox', { name: 'Allowed countries' }).fill('France')
    await dialog.getByRole('button', { name: 'Upload', exact: true }).click()
    // Refused before anything is sent: each field says why.
    await expect(dialog.getByText('A password needs at least 6 characters.')).toBeVisible()
    await expect(dialog.getByText('Use two-letter country codes such as FR.')).toBeVisible()
    await expect(dialog.getByRole('textbox', { name: 'Password (optional)' })).toHaveAttribute(
      'aria-invalid',
      'true',
    )
    await app.screenshots('upload-options-invalid')
    const before = await service.bridge.invoke('transfers:list', {})
    expect(before.ok && before.value.items).toEqual([])

    await dialog.getByRole('textbox', { name: 'Password (optional)' }).fill('opensesame')
    await dialog.getByRole('textbox', { name: 'Allowed countries' }).fill('fr be')
    await dialog.getByRole('textbox', { name: 'Description (optional)' }).fill('Quarterly plan')
    await dialog.getByRole('checkbox', { name: 'Premium accounts only' }).check()
    await dialog.getByRole('button', { name: 'Upload', exact: true }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByRole('status').filter({ hasText: '2 uploads to My files added.' })).toBeVisible()
    await expect(stateCounts(page)).toContainText('2 done', { timeout: 30_000 })

    // 1fichier holds them protected, described and restricted.
    const remote = emulator.control.listFiles(key)
    expect(remote.map((file) => file.name).sort()).toEqual(['budget.ods', 'plan.pdf'])
    for (const file of remote) {
      expect(file.pass, file.name).toBe(true)
      const info = await service.core.client.fileInfo(file.url)
      expect(info.description, file.name).toBe('Quarterly plan')
      expect(info.acl?.premium, file.name).toBe(true)
      expect(info.acl?.country, file.name).toEqual(['FR', 'BE'])
    }

    // Their links can be copied from a selection. Uploads to an account have no removal link
    // (1fichier gives one to anonymous uploads only), so that button is not offered.
    const listed = await service.bridge.invoke('transfers:list', {})
    const items = listed.ok ? [...listed.value.items].sort((a, b) => a.order - b.order) : []
    await page.keyboard.press('Control+a')
    const bar = page.getByRole('toolbar', { name: 'Selection actions' })
    await expect(bar).toContainText('2 selected')
    await expect(bar.getByRole('button', { name: 'Copy removal links' })).toHaveCount(0)
    await bar.getByRole('button', { name: 'Copy links' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Copied 2 links.' })).toBeVisible()
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(
      items.map((item) => item.link ?? 'missing').join('\n'),
    )
    expect(items.map((item) => item.link).sort()).toEqual(remote.map((file) => file.url).sort())
    await page.keyboard.press('Escape')

    // The next drop starts from the same choices; Cancel sends nothing.
    await writeFile(join(dir, 'memo.txt'), 'memo')
    await exposed.registerFile('memo.txt', join(dir, 'memo.txt'))
    await dropFiles(page, ['memo.txt'])
    const again = page.getByRole('dialog', { name: 'Upload 1 item to My files' })
    await expect(again.getByRole('textbox', { name: 'Password (optional)' })).toHaveValue('opensesame')
    await expect(again.getByRole('textbox', { name: 'Description (optional)' })).toHaveValue('Quarterly plan')
    await expect(again.getByRole('checkbox', { name: 'Premium accounts only' })).toBeChecked()
    await app.screenshots('upload-options-remembered')
    await again.getByRole('button', { name: 'Cancel' }).click()
    await expect(again).toBeHidden()
    const after = await service.bridge.invoke('transfers:list', {})
    expect(after.ok && after.value.items.map((item) => item.name).sort()).toEqual(['budget.ods', 'plan.pdf'])
  })

  test('says on the row why an upload was skipped', async ({ app, service, emulator, localDir: dir }) => {
    const { page, exposed } = app
    await service.bridge.invoke('settings:update', { uploadDuplicates: 'skip' })
    const content = 'already there '.repeat(20)
    await emulator.control.createFile({ key, name: 'dup.txt', content })
    await writeFile(join(dir, 'dup.txt'), content)
    await exposed.registerFile('dup.txt', join(dir, 'dup.txt'))
    await dropFiles(page, ['dup.txt'])
    await page
      .getByRole('dialog', { name: 'Upload 1 item to My files' })
      .getByRole('button', { name: 'Upload' })
      .click()
    const row = page.getByRole('listitem', { name: 'dup.txt' })
    await expect(row).toHaveAttribute('data-status', 'completed', { timeout: 15_000 })
    const listed = await service.bridge.invoke('transfers:list', {})
    const note = listed.ok ? listed.value.items[0]?.note : undefined
    expect(note).toBeTruthy()
    await expect(row.locator('.transfer-row__note')).toHaveText(note ?? 'missing')
    expect(emulator.control.listFiles(key).filter((file) => file.name === 'dup.txt')).toHaveLength(1)
    await app.screenshots('transfers-upload-skipped')
  })

  test('asks in French when the language setting says so', async ({ app, service, localDir: dir }) => {
    const { page, exposed } = app
    await service.bridge.invoke('settings:update', { language: 'fr' })
    await page.reload()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Transferts')
    await writeFile(join(dir, 'photo.jpg'), 'photo')
    await exposed.registerFile('photo.jpg', join(dir, 'photo.jpg'))
    await dropFiles(page, ['photo.jpg'])
    const dialog = page.getByRole('dialog', { name: /^Envoyer 1 élément dans / })
    await expect(dialog.getByRole('button', { name: 'Envoyer', exact: true })).toBeVisible()
    await expect(dialog.getByRole('checkbox', { name: 'Comptes Premium uniquement' })).toBeVisible()
    await expect(dialog.getByRole('group', { name: 'Restrictions d’accès' })).toBeVisible()
    await app.screenshots('upload-options-fr')
    await dialog.getByRole('button', { name: 'Annuler' }).click()
    await expect(dialog).toBeHidden()
  })
})
