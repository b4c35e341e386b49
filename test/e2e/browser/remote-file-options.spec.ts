import type { Page } from '@playwright/test'
import { EMULATOR_ACCOUNTS } from '../fixtures/emulator-accounts'
import { expect, test } from '../fixtures/test'

const { key } = EMULATOR_ACCOUNTS.premium

async function openRemote(page: Page, label = 'Remote files'): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: label }).click()
}

/** The Protected cell of a file's row. */
const protectedCell = (page: Page, name: string) =>
  page
    .getByRole('table', { name: 'Contents of My files' })
    .getByRole('row')
    .filter({ hasText: name })
    .getByRole('cell')
    .nth(3)

test('sets a password and a description on two remote files, then removes the password', async ({
  app,
  service,
  emulator,
}) => {
  test.setTimeout(60_000)
  const { page } = app
  await emulator.control.createFile({ key, name: 'plan.pdf', content: 'p'.repeat(400) })
  await emulator.control.createFile({ key, name: 'budget.ods', content: 'b'.repeat(200) })
  await emulator.control.createFile({ key, name: 'other.txt', content: 'o'.repeat(50) })
  await openRemote(page)
  const table = page.getByRole('table', { name: 'Contents of My files' })
  await expect(table.getByRole('row')).toHaveCount(4)
  const selection = page.getByRole('toolbar', { name: 'Actions on the selection' })
  const options = selection.getByRole('button', { name: 'Options…' })
  await expect(options).toBeDisabled()
  await page.getByRole('checkbox', { name: 'Select plan.pdf' }).check()
  await page.getByRole('checkbox', { name: 'Select budget.ods' }).check()
  await expect(selection).toContainText('2 selected')
  await expect(protectedCell(page, 'plan.pdf')).toHaveText('No')

  await options.click()
  const dialog = page.getByRole('dialog', { name: 'Options of 2 files' })
  await expect(dialog).toBeVisible()
  // Nothing filled in: nothing to do.
  await dialog.getByRole('button', { name: 'Apply' }).click()
  await expect(dialog.getByRole('alert')).toHaveText(
    'Fill in an option to change, or choose to remove the password.',
  )
  // A short password is refused in the dialog.
  await dialog.getByRole('textbox', { name: 'Password (optional)' }).fill('abc')
  await dialog.getByRole('button', { name: 'Apply' }).click()
  await expect(dialog.getByText('A password needs at least 6 characters.')).toBeVisible()
  await dialog.getByRole('textbox', { name: 'Password (optional)' }).fill('opensesame')
  await dialog.getByRole('textbox', { name: 'Description (optional)' }).fill('Quarterly plan')
  await app.screenshots('remote-file-options')
  await dialog.getByRole('button', { name: 'Apply' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: 'Options changed on 2 files.' })).toBeVisible()
  await expect(protectedCell(page, 'plan.pdf')).toHaveText('Yes')
  await expect(protectedCell(page, 'budget.ods')).toHaveText('Yes')
  await expect(protectedCell(page, 'other.txt')).toHaveText('No')

  // 1fichier holds them protected and described; the third file is untouched.
  const remote = emulator.control.listFiles(key)
  for (const file of remote) {
    const chosen = file.name !== 'other.txt'
    expect(file.pass, file.name).toBe(chosen)
    const info = await service.core.client.fileInfo(file.url)
    expect(info.description ?? '', file.name).toBe(chosen ? 'Quarterly plan' : '')
  }

  // Removing the password keeps the description.
  await page.getByRole('checkbox', { name: 'Select plan.pdf' }).check()
  await page.getByRole('checkbox', { name: 'Select budget.ods' }).check()
  await expect(selection).toContainText('2 selected')
  await options.click()
  await expect(dialog).toBeVisible()
  await dialog.getByRole('checkbox', { name: 'Remove the password' }).check()
  await expect(dialog.getByRole('textbox', { name: 'Password (optional)' })).toBeDisabled()
  await dialog.getByRole('button', { name: 'Apply' }).click()
  await expect(dialog).toBeHidden()
  await expect(protectedCell(page, 'plan.pdf')).toHaveText('No')
  await expect(protectedCell(page, 'budget.ods')).toHaveText('No')
  for (const file of emulator.control.listFiles(key).filter((entry) => entry.name !== 'other.txt')) {
    expect(file.pass, file.name).toBe(false)
    const info = await service.core.client.fileInfo(file.url)
    expect(info.description, file.name).toBe('Quarterly plan')
  }
})

test('offers the file options in French', async ({ app, service, emulator }) => {
  const { page } = app
  await emulator.control.createFile({ key, name: 'plan.pdf', content: 'p'.repeat(400) })
  const updated = await service.bridge.invoke('settings:update', { language: 'fr' })
  expect(updated.ok).toBe(true)
  await page.reload()
  await openRemote(page, 'Fichiers distants')
  await page.getByRole('checkbox', { name: 'Sélectionner plan.pdf' }).check()
  await page.getByRole('button', { name: 'Options…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Options de 1 fichier' })
  await expect(dialog.getByRole('checkbox', { name: 'Supprimer le mot de passe' })).toBeVisible()
  await expect(dialog.getByRole('textbox', { name: 'Mot de passe (facultatif)' })).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Appliquer' })).toBeVisible()
  await app.screenshots('remote-file-options-fr')
})
