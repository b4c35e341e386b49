import type { Page } from '@playwright/test'
import { EMULATOR_ACCOUNTS } from '../fixtures/emulator-accounts'
import { expect, test } from '../fixtures/test'
import { allFinished, waitForTransfers } from '../../helpers/wait-for-transfers'

const { key } = EMULATOR_ACCOUNTS.premium

async function go(page: Page, section: string, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
}

test.describe('French sizes and reasons', () => {
  test('shows sizes in octets and refused links with a French reason', async ({ app, service, emulator }) => {
    test.setTimeout(60_000)
    const { page } = app
    const updated = await service.bridge.invoke('settings:update', { language: 'fr' })
    expect(updated.ok).toBe(true)
    await page.reload()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Transferts')

    // 3,000 bytes: 2.93 KB in English, « 2,93 Ko » in French.
    const remote = await emulator.control.createFile({ key, name: 'photo.jpg', content: 'x'.repeat(3000) })
    const added = await service.bridge.invoke('transfers:add', { kind: 'download', text: remote.url })
    expect(added.ok).toBe(true)
    await waitForTransfers(service.bridge, allFinished)
    const row = page.getByRole('list', { name: 'Transferts', exact: true }).getByRole('listitem', {
      name: 'photo.jpg',
    })
    await expect(row).toContainText('2,93 Ko / 2,93 Ko')

    // A refused line says why in French, in the preview and in the result.
    await page.getByRole('button', { name: 'Ajouter des liens' }).click()
    const dialog = page.getByRole('dialog', { name: 'Ajouter des liens' })
    await dialog
      .getByRole('textbox', { name: 'Liens', exact: true })
      .fill(['https://1fichier.com/?abc', 'https://example.com/?abcdefgh'].join('\n'))
    const refused = dialog.getByRole('list', { name: 'Lignes non reconnues' })
    await expect(refused.getByRole('listitem')).toHaveText([
      'https://1fichier.com/?abc — identifiant trop court (3 caractères, 5 à 20 attendus)',
      'https://example.com/?abcdefgh — pas une adresse 1fichier (example.com)',
    ])
    await app.screenshots('add-links-refused-fr')
    await dialog.getByRole('button', { name: 'Annuler' }).click()

    // The remote table writes sizes the same way.
    await go(page, 'Fichiers distants', 'Fichiers distants')
    const table = page.getByRole('table', { name: 'Contenu de Mes fichiers' })
    await expect(table.getByRole('row', { name: /photo\.jpg/ })).toContainText('2,93 Ko')
  })
})
