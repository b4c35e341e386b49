import type { Page } from '@playwright/test'
import type { TestService } from '../../helpers/test-service'
import { EMULATOR_ACCOUNTS } from '../fixtures/emulator-accounts'
import { expect, test } from '../fixtures/test'

const { key } = EMULATOR_ACCOUNTS.premium

const transferRows = (page: Page) =>
  page.getByRole('list', { name: 'Transfers', exact: true }).getByRole('listitem')
const selectionBar = (page: Page) => page.getByRole('toolbar', { name: 'Selection actions' })
const stateCounts = (page: Page) => page.getByRole('list', { name: 'Transfers by state' })

/** The names in the core's queue, in queue order. */
async function queueNames(service: TestService): Promise<string[]> {
  const listed = await service.bridge.invoke('transfers:list', {})
  if (!listed.ok) throw new Error(listed.error.message)
  return [...listed.value.items].sort((a, b) => a.order - b.order).map((item) => item.name)
}

test('sorts the rows shown by name and size without changing the queue, and blocks moves meanwhile', async ({
  app,
  service,
  emulator,
}) => {
  test.setTimeout(60_000)
  const { page } = app
  // Queue order: medium, small, large; by name: Avion, bateau, Zèbre.
  const files = [
    { name: 'bateau.bin', size: 3_000 },
    { name: 'Zèbre.bin', size: 1_000 },
    { name: 'Avion.bin', size: 5_000 },
  ]
  const links: string[] = []
  for (const file of files)
    links.push(
      (await emulator.control.createFile({ key, name: file.name, content: 'x'.repeat(file.size) })).url,
    )
  for (const url of links)
    await service.bridge.invoke('transfers:add', { kind: 'download', text: url, start: true })
  await expect(stateCounts(page)).toContainText('3 done', { timeout: 30_000 })
  const queued = ['bateau.bin', 'Zèbre.bin', 'Avion.bin']
  expect(await queueNames(service)).toEqual(queued)
  const names = (order: string[]) => order.map((name) => new RegExp(name))
  await expect(transferRows(page)).toHaveText(names(queued))

  const sortBy = page.getByRole('combobox', { name: 'Sort by' })
  const descending = page.getByRole('button', { name: 'Descending' })
  await expect(sortBy).toHaveValue('queue')
  await sortBy.selectOption({ label: 'Name' })
  await expect(transferRows(page)).toHaveText(names(['Avion.bin', 'bateau.bin', 'Zèbre.bin']))
  await descending.click()
  await expect(descending).toHaveAttribute('aria-pressed', 'true')
  await expect(transferRows(page)).toHaveText(names(['Zèbre.bin', 'bateau.bin', 'Avion.bin']))
  await sortBy.selectOption({ label: 'Size' })
  await expect(transferRows(page)).toHaveText(names(['Avion.bin', 'bateau.bin', 'Zèbre.bin']))
  await descending.click()
  await expect(transferRows(page)).toHaveText(names(['Zèbre.bin', 'bateau.bin', 'Avion.bin']))
  expect(await queueNames(service)).toEqual(queued)

  // Moving rows needs the queue order.
  await transferRows(page).filter({ hasText: 'bateau.bin' }).locator('.transfer-row__title').click()
  await expect(selectionBar(page)).toContainText('1 selected')
  const moveUp = selectionBar(page).getByRole('button', { name: 'Move up' })
  await expect(moveUp).toBeDisabled()
  await expect(moveUp).toHaveAttribute('title', 'Sort by queue order to reorder')
  await expect(selectionBar(page).getByRole('button', { name: 'Move to top' })).toBeDisabled()
  await app.screenshots('transfers-sorted')

  // The choice stays for the session, across views.
  const sections = page.getByRole('navigation', { name: 'Sections' })
  await sections.getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings')
  await sections.getByRole('button', { name: 'Transfers' }).click()
  await expect(sortBy).toHaveValue('size')
  await expect(transferRows(page)).toHaveText(names(['Zèbre.bin', 'bateau.bin', 'Avion.bin']))

  // Back to the queue order: moves work again, in the view and in the core.
  await sortBy.selectOption({ label: 'Queue order' })
  await expect(transferRows(page)).toHaveText(names(queued))
  await transferRows(page).filter({ hasText: 'Avion.bin' }).locator('.transfer-row__title').click()
  await expect(moveUp).toBeEnabled()
  await selectionBar(page).getByRole('button', { name: 'Move to top' }).click()
  await expect(transferRows(page)).toHaveText(names(['Avion.bin', 'bateau.bin', 'Zèbre.bin']))
  expect(await queueNames(service)).toEqual(['Avion.bin', 'bateau.bin', 'Zèbre.bin'])
})

test('shows the sort control in French', async ({ app, service }) => {
  const { page } = app
  const updated = await service.bridge.invoke('settings:update', { language: 'fr' })
  expect(updated.ok).toBe(true)
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Transferts')
  const sortBy = page.getByRole('combobox', { name: 'Trier par' })
  await expect(sortBy).toBeVisible()
  await expect(sortBy.locator('option')).toHaveText([
    'Ordre de la file',
    'Nom',
    'Taille',
    'Progression',
    'État',
    'Date d’ajout',
  ])
  await expect(page.getByRole('button', { name: 'Décroissant' })).toBeVisible()
})
