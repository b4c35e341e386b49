import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { EMULATOR_ACCOUNTS } from '../fixtures/emulator-accounts'
import { expect, test } from '../fixtures/test'

const { key } = EMULATOR_ACCOUNTS.premium

test.describe('the Add dialog checks links before adding them', () => {
  test('shows names, sizes and dead links, takes a password for one link, and queues real names', async ({
    app,
    service,
    emulator,
  }) => {
    test.setTimeout(60_000)
    const { page } = app
    const report = await emulator.control.createFile({
      key,
      name: 'report 2026.pdf',
      content: 'r'.repeat(2048),
    })
    const locked = await emulator.control.createFile({
      key,
      name: 'plans.zip',
      content: 'p'.repeat(4096),
      password: 'opensesame',
    })
    const gone = 'https://1fichier.com/?zzzzzzzzzzzzzzzzzzzz'

    await page.getByRole('button', { name: 'Add links' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add links' })
    await dialog
      .getByRole('textbox', { name: 'Links', exact: true })
      .fill(`Here you go:\n${report.url}\n${locked.url}\nold one: ${gone}\n`)
    const table = dialog.getByRole('table', { name: 'Links found' })
    const rows = table.getByRole('row')
    await expect(rows).toHaveCount(4)
    await expect(rows.nth(1)).toContainText('report 2026.pdf')
    await expect(rows.nth(1)).toContainText('2.00 KB')
    await expect(rows.nth(1)).toContainText('Online')
    await expect(rows.nth(2)).toContainText('Protected')
    await expect(rows.nth(3)).toContainText('Not found')
    await expect(dialog.getByRole('checkbox', { name: `Add ${gone}` })).not.toBeChecked()
    await expect(dialog.getByText('1 link is gone and will not be added')).toBeVisible()
    // The protected link gets its own password; the others need none.
    await dialog.getByRole('textbox', { name: `Password for ${locked.url}` }).fill('opensesame')
    await app.screenshots('add-links-checked')
    await dialog.getByRole('checkbox', { name: 'Start now (otherwise queue them paused)' }).uncheck()
    // Queued paused, so the queue shows what adding alone knew.
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(dialog).toBeHidden()

    const listed = await service.bridge.invoke('transfers:list', {})
    if (!listed.ok) throw new Error(listed.error.message)
    const items = listed.value.items
    expect(items.map((item) => item.source).sort()).toEqual([locked.url, report.url].sort())
    // Name and size are known before any download starts.
    expect(items.find((item) => item.source === report.url)).toMatchObject({
      name: 'report 2026.pdf',
      bytesTotal: 2048,
      status: 'paused',
    })
    const resumed = await service.bridge.invoke('transfers:resume', { all: true })
    expect(resumed.ok).toBe(true)
    await expect(page.getByRole('list', { name: 'Transfers by state' })).toContainText('2 done', {
      timeout: 20_000,
    })
    const saved = await readFile(join(service.downloadsDir, 'plans.zip'))
    expect(saved.equals(emulator.control.readFile(key, locked.id))).toBe(true)
  })
})

test.describe('a download that failed on its password', () => {
  test('is given the password from its row and tried again', async ({ app, service, emulator }) => {
    const { page } = app
    // A stranger's protected file: only its password opens it.
    const stranger = 'StrangerKeyStrangerKeyStrangerK1'
    emulator.control.addKey({ key: stranger })
    const shared = await emulator.control.createFile({
      key: stranger,
      name: 'album.zip',
      content: 'a'.repeat(3000),
      password: 'letmein42',
    })
    const added = await service.bridge.invoke('transfers:add', { kind: 'download', text: shared.url })
    expect(added.ok).toBe(true)
    const ask = page.getByRole('button', { name: /^Password… / })
    await expect(ask).toBeVisible({ timeout: 20_000 })
    await ask.click()
    const dialog = page.getByRole('dialog', { name: /^Password for / })
    await dialog.getByLabel('Password', { exact: true }).fill('letmein42')
    await app.screenshots('transfer-password')
    await dialog.getByRole('button', { name: 'Try again with it' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByRole('list', { name: 'Transfers by state' })).toContainText('1 done', {
      timeout: 20_000,
    })
    const saved = await readFile(join(service.downloadsDir, 'album.zip'))
    expect(saved.equals(emulator.control.readFile(stranger, shared.id))).toBe(true)
  })
})

test.describe('why a transfer failed, in French', () => {
  test('is said in French by its code, with the app’s own message in the tooltip', async ({
    app,
    service,
    emulator,
  }) => {
    const { page } = app
    const stranger = 'StrangerKeyStrangerKeyStrangerK2'
    emulator.control.addKey({ key: stranger })
    const shared = await emulator.control.createFile({
      key: stranger,
      name: 'privé.zip',
      content: 'p'.repeat(100),
      password: 'motdepasse1',
    })
    expect((await service.bridge.invoke('settings:update', { language: 'fr' })).ok).toBe(true)
    await page.reload()
    await service.bridge.invoke('transfers:add', { kind: 'download', text: shared.url })
    const error = page.locator('.transfer-row__error')
    await expect(error).toHaveText('Ce fichier est protégé par un mot de passe.', { timeout: 20_000 })
    await expect(error).toHaveAttribute('title', /protected by a password/)
  })
})
