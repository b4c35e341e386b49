import type { Page } from '@playwright/test'
import type { TestService } from '../../helpers/test-service'
import { EMULATOR_ACCOUNTS } from '../fixtures/emulator-accounts'
import { expect, test } from '../fixtures/test'

const { key } = EMULATOR_ACCOUNTS.premium
const MiB = 1024 * 1024

const transferRows = (page: Page) =>
  page.getByRole('list', { name: 'Transfers', exact: true }).getByRole('listitem')
const selectionBar = (page: Page) => page.getByRole('toolbar', { name: 'Selection actions' })
const stateCounts = (page: Page) => page.getByRole('list', { name: 'Transfers by state' })

async function statuses(service: TestService): Promise<string[]> {
  const listed = await service.bridge.invoke('transfers:list', {})
  if (!listed.ok) throw new Error(listed.error.message)
  return listed.value.items.map((item) => item.status)
}

test.describe('keyboard shortcuts of the Transfers view', () => {
  test('select all, pause and resume with Space, remove with Delete after a confirmation', async ({
    app,
    service,
    emulator,
  }) => {
    test.setTimeout(60_000)
    const { page } = app
    const created = await Promise.all(
      [1, 2, 3].map((seed) =>
        emulator.control.createFile({ key, name: `big-${seed}.iso`, synthetic: { size: 16 * MiB, seed } }),
      ),
    )
    emulator.control.setSpeedCap(64 * 1024)
    await service.bridge.invoke('transfers:add', {
      kind: 'download',
      text: created.map((file) => file.url).join('\n'),
    })
    await expect(stateCounts(page)).toContainText('3 active', { timeout: 15_000 })
    await expect(page.getByRole('progressbar', { name: 'Progress of big-1.iso' })).not.toHaveAttribute(
      'aria-valuenow',
      '0',
    )
    // Shortcuts are in the buttons' titles.
    await expect(page.getByRole('button', { name: 'Add links' })).toHaveAttribute(
      'title',
      'Add links (Ctrl+N)',
    )

    await page.keyboard.press('Control+a')
    await expect(selectionBar(page)).toContainText('3 selected')
    await expect(selectionBar(page).getByRole('button', { name: 'Pause' })).toHaveAttribute(
      'title',
      'Pause (Space)',
    )
    await expect(selectionBar(page).getByRole('button', { name: 'Remove' })).toHaveAttribute(
      'title',
      'Remove (Delete)',
    )
    await page.keyboard.press('Space')
    await expect(stateCounts(page)).toContainText('3 paused')
    expect(await statuses(service)).toEqual(['paused', 'paused', 'paused'])
    await page.keyboard.press('Space')
    await expect(stateCounts(page)).toContainText('0 paused')
    expect((await statuses(service)).every((status) => status === 'active' || status === 'queued')).toBe(true)

    // Escape clears; the arrows move a focused, selected row.
    await page.keyboard.press('Escape')
    await expect(selectionBar(page)).toContainText('Click a row to select it')
    await page.keyboard.press('ArrowDown')
    await expect(transferRows(page).nth(0)).toBeFocused()
    await page.keyboard.press('Shift+ArrowDown')
    await expect(transferRows(page).nth(1)).toBeFocused()
    await expect(selectionBar(page)).toContainText('2 selected')
    await expect(transferRows(page).nth(1)).toHaveAttribute('data-selected', 'true')
    await page.keyboard.press('ArrowUp')
    await expect(selectionBar(page)).toContainText('1 selected')
    await expect(transferRows(page).nth(0)).toBeFocused()

    // Delete asks first, as transfers are in progress; Cancel keeps them.
    await page.keyboard.press('Control+a')
    await page.keyboard.press('Delete')
    const confirm = page.getByRole('dialog', { name: 'Remove transfers?' })
    await expect(confirm).toContainText('Remove 3 transfers from the list?')
    await expect(confirm).toContainText('3 of them are still in progress')
    await app.screenshots('transfers-confirm-remove')
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    await expect(confirm).toBeHidden()
    expect(await statuses(service)).toHaveLength(3)
    await page.keyboard.press('Delete')
    await confirm.getByRole('button', { name: 'Remove' }).click()
    await expect(page.getByRole('heading', { name: 'No transfers yet' })).toBeVisible()
    expect(await statuses(service)).toEqual([])

    // Ctrl+N opens the Add dialog.
    await page.keyboard.press('Control+n')
    await expect(page.getByRole('dialog', { name: 'Add links' })).toBeVisible()
  })

  test('shows why a download failed, and retries it', async ({ app, service, emulator }) => {
    const { page } = app
    const file = await emulator.control.createFile({ key, name: 'flaky.txt', content: 'flaky '.repeat(100) })
    // 1fichier says the file is gone (as for a deleted file): a failure no retry mends.
    emulator.control.failNext({
      path: '/v1/download/get_token.cgi',
      status: 404,
      body: { status: 'KO', message: 'Resource not found #469' },
      times: 50,
    })
    await service.bridge.invoke('transfers:add', { kind: 'download', text: file.url })
    const row = transferRows(page).first()
    await expect(row).toHaveAttribute('data-status', 'failed', { timeout: 15_000 })
    const listed = await service.bridge.invoke('transfers:list', {})
    const failed = listed.ok ? listed.value.items[0] : undefined
    expect(failed?.error?.message).toBeTruthy()
    await expect(row.locator('.transfer-row__error')).toHaveText(failed?.error?.message ?? 'missing')
    await app.screenshots('transfers-failed')

    emulator.control.reset()
    await row.locator('.transfer-row__title').click()
    await expect(selectionBar(page).getByRole('button', { name: 'Resume' })).toBeDisabled()
    await selectionBar(page).getByRole('button', { name: 'Retry' }).click()
    await expect(row).toHaveAttribute('data-status', 'completed', { timeout: 15_000 })
    expect(await statuses(service)).toEqual(['completed'])
  })

  test('speaks French when the language setting says so', async ({ app, service, emulator }) => {
    const { page } = app
    const file = await emulator.control.createFile({ key, name: 'rapport.pdf', content: 'rapport' })
    await service.bridge.invoke('transfers:add', { kind: 'download', text: file.url })
    await service.bridge.invoke('settings:update', { language: 'fr' })
    await page.reload()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Transferts')
    await expect(page.getByRole('button', { name: 'Tout mettre en pause' })).toBeVisible()
    const row = page.getByRole('list', { name: 'Transferts' }).getByRole('listitem').first()
    await expect(row).toHaveAttribute('data-status', 'completed', { timeout: 15_000 })
    await expect(row).toContainText('Terminé')
    await row.locator('.transfer-row__title').click()
    const bar = page.getByRole('toolbar', { name: 'Actions sur la sélection' })
    await expect(bar).toContainText('1 sélectionné')
    await expect(bar.getByRole('button', { name: 'Retirer' })).toHaveAttribute('title', 'Retirer (Suppr)')
    await expect(bar.getByRole('button', { name: 'Placer en tête' })).toBeVisible()
    await app.screenshots('transfers-fr')
  })
})
