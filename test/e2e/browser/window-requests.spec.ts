import { EMULATOR_ACCOUNTS } from '../fixtures/emulator-accounts'
import { expect, test } from '../fixtures/test'

const { key } = EMULATOR_ACCOUNTS.premium

test.describe('requests from the desktop (tray, menu, notifications)', () => {
  test('"Add links" opens the Add dialog with the clipboard\'s links to review, and adds only on confirmation', async ({
    app,
    service,
    emulator,
  }) => {
    const { page } = app
    const first = await emulator.control.createFile({ key, name: 'one.bin', content: 'one' })
    const second = await emulator.control.createFile({ key, name: 'two.bin', content: 'two' })
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click()

    service.service.requestWindow({
      kind: 'addLinks',
      text: `see ${first.url} and\n${second.url} (copied from a forum)`,
    })
    const dialog = page.getByRole('dialog', { name: 'Add links' })
    await expect(dialog).toBeVisible()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Transfers')
    await expect(dialog.getByRole('textbox', { name: 'Links', exact: true })).toHaveValue(
      `see ${first.url} and\n${second.url} (copied from a forum)`,
    )
    await expect(dialog.getByRole('list', { name: 'Links recognised' }).getByRole('listitem')).toHaveText([
      '2 files',
    ])
    // Nothing is queued before the user says so.
    const before = await service.bridge.invoke('transfers:list', {})
    expect(before.ok && before.value.items).toEqual([])

    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(dialog).toBeHidden()
    await expect
      .poll(async () => {
        const list = await service.bridge.invoke('transfers:list', {})
        return list.ok ? list.value.items.map((item) => item.link).sort() : []
      })
      .toEqual([first.url, second.url].sort())
  })

  test('a clicked notification brings the transfers into view', async ({ app, service }) => {
    const { page } = app
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Account' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Account')

    service.service.requestWindow({ kind: 'showTransfers' })
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Transfers')
  })
})
