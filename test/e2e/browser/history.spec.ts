import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { TransferView } from '../../../src/shared/model/transfer'
import { EMULATOR_ACCOUNTS } from '../fixtures/emulator-accounts'
import { expect, test } from '../fixtures/test'
import type { TestService } from '../../helpers/test-service'

const { key } = EMULATOR_ACCOUNTS.premium

async function openHistory(page: Page, name = 'History'): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    name === 'History' ? 'History' : 'Historique',
  )
}

async function completed(service: TestService): Promise<TransferView[]> {
  const listed = await service.bridge.invoke('transfers:list', {})
  if (!listed.ok) throw new Error(listed.error.message)
  return listed.value.items.filter((item) => item.status === 'completed')
}

/** Splits RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += char
  }
  return rows
}

test.describe('the History view', () => {
  test('lists a finished download and upload, searches, and exports their real links', async ({
    app,
    service,
    emulator,
    localDir: dir,
  }) => {
    test.setTimeout(60_000)
    const { page } = app
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    await openHistory(page)
    await expect(page.getByRole('heading', { name: 'Nothing finished yet' })).toBeVisible()
    await app.screenshots('history-empty')

    // A download whose name needs CSV quoting, and an upload.
    const remote = await emulator.control.createFile({
      key,
      name: 'budget, "final".csv',
      content: 'a,b\n1,2\n'.repeat(200),
    })
    const localPath = join(dir, 'holiday [1].jpg')
    await writeFile(localPath, 'photo '.repeat(2000))
    const down = await service.bridge.invoke('transfers:add', { kind: 'download', text: remote.url })
    const up = await service.bridge.invoke('transfers:add', {
      kind: 'upload',
      paths: [localPath],
      folderId: 0,
    })
    expect(down.ok && up.ok).toBe(true)

    const table = page.getByRole('table', { name: 'Finished transfers' })
    const rows = table.getByRole('row')
    await expect(rows).toHaveCount(3, { timeout: 30_000 })
    const finished = await completed(service)
    expect(finished).toHaveLength(2)
    const download = finished.find((item) => item.kind === 'download')
    const upload = finished.find((item) => item.kind === 'upload')
    // The upload's link is the one the emulator holds; the download's is the link it came from.
    const stored = emulator.control.listFiles(key).find((file) => file.name === 'holiday [1].jpg')
    expect(upload?.link).toBe(stored?.url)
    // 1fichier gives no removal link for an upload tied to an account.
    expect(upload?.removeLink ?? '').toBe('')
    expect(download?.link ?? download?.source).toBe(remote.url)
    await app.screenshots('history')

    // Search narrows the rows; select-all then exports the shown one only.
    const search = page.getByRole('searchbox', { name: 'Search the history' })
    await search.fill('holiday')
    await expect(rows).toHaveCount(2)
    await expect(rows.nth(1)).toContainText('holiday [1].jpg')
    await search.fill('')
    await expect(rows).toHaveCount(3)

    // Nothing selected: CSV of every row shown, copied to the clipboard.
    await page.getByLabel('Export format').selectOption('csv')
    await page.getByRole('button', { name: 'Copy links' }).click()
    await expect(page.getByRole('status').filter({ hasText: '2 links copied as CSV.' })).toBeVisible()
    await app.screenshots('history-copied')
    const csv = parseCsv(await page.evaluate<string>('navigator.clipboard.readText()'))
    expect(csv[0]).toEqual(['Name', 'Link', 'Removal link', 'Size (bytes)', 'Finished', 'Kind'])
    const byName = new Map(csv.slice(1).map((row) => [row[0], row]))
    // The name as saved on disk (quotes are not allowed in file names everywhere), still with its comma.
    expect(download?.name).toContain('budget, ')
    expect(csv).toHaveLength(3)
    expect(byName.get(download?.name)?.[1]).toBe(remote.url)
    expect(byName.get('holiday [1].jpg')?.slice(1, 3)).toEqual([stored?.url, ''])
    expect(byName.get('holiday [1].jpg')?.[5]).toBe('upload')

    // One row selected, as a Markdown list, saved as a file.
    await page.getByRole('checkbox', { name: 'Select holiday [1].jpg' }).check()
    await expect(page.getByText('Exports the 1 selected transfer.')).toBeVisible()
    await page.getByLabel('Export format').selectOption('markdown-list')
    const saving = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Save as file…' }).click()
    const saved = await saving
    expect(saved.suggestedFilename()).toMatch(/^fichier-links-\d{4}-\d{2}-\d{2}\.md$/)
    const savedPath = join(dir, 'export.md')
    await saved.saveAs(savedPath)
    expect(await readFile(savedPath, 'utf8')).toBe(`- [holiday \\[1\\].jpg](${stored?.url})\n`)

    // A finished transfer removed from the queue stays in the history, after a reload too.
    const removed = await service.bridge.invoke('transfers:remove', { ids: [download?.id ?? ''] })
    expect(removed.ok).toBe(true)
    expect(await completed(service)).toHaveLength(1)
    await page.reload()
    await openHistory(page)
    await expect(rows).toHaveCount(3)
    await expect(table).toContainText('budget')

    // Only the user removes it from the history, after confirming.
    await page.getByRole('checkbox', { name: 'Select holiday [1].jpg' }).uncheck()
    await page.getByRole('checkbox', { name: `Select ${download?.name ?? ''}` }).check()
    await page.getByRole('button', { name: 'Remove from history…' }).click()
    const confirm = page.getByRole('dialog', { name: 'Remove from the history?' })
    await expect(confirm).toContainText('The entry of 1 finished transfer leaves the history.')
    await app.screenshots('history-forget')
    await confirm.getByRole('button', { name: 'Remove from history' }).click()
    await expect(rows).toHaveCount(2)
    await expect(table).not.toContainText('budget')
    const kept = await service.bridge.invoke('history:list', {})
    expect(kept.ok && kept.value.items.map((entry) => entry.name)).toEqual(['holiday [1].jpg'])
    // The queue is not touched: the upload is still in it.
    expect(service.core.engine.list().items).toHaveLength(1)
  })

  test('says in an error toast what failed and what to do when the clipboard is refused', async ({
    app,
    service,
    emulator,
  }) => {
    const { page } = app
    const remote = await emulator.control.createFile({
      key,
      name: 'notes.txt',
      content: 'notes '.repeat(100),
    })
    const added = await service.bridge.invoke('transfers:add', { kind: 'download', text: remote.url })
    expect(added.ok).toBe(true)
    await openHistory(page)
    await expect(page.getByRole('table', { name: 'Finished transfers' })).toContainText('notes.txt', {
      timeout: 20_000,
    })
    // The system refuses clipboard access, as a locked-down desktop may: the Clipboard API and the
    // copy command both.
    await page.evaluate(`Object.defineProperty(navigator.clipboard, 'writeText', {
      value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
    })
    document.execCommand = () => false`)
    await page.getByRole('button', { name: 'Copy the link of notes.txt' }).click()
    const toasts = page.getByRole('region', { name: 'Notifications' })
    const alert = toasts.getByRole('alert')
    await expect(alert).toContainText('Copy links failed: Write permission denied.')
    await expect(alert).toContainText(
      'The system refused access to the clipboard: use “Save as file…” instead.',
    )
    await app.screenshots('toast-error')
    // Errors stay until dismissed.
    await alert.getByRole('button', { name: 'Dismiss' }).click()
    await expect(alert).toBeHidden()
  })

  test('names the remote folder of an upload once the Remote files view has listed it', async ({
    app,
    service,
    emulator,
    localDir: dir,
  }) => {
    const { page } = app
    const trip = emulator.control.createFolder({ key, name: 'Trip 2024' })
    const localPath = join(dir, 'beach.jpg')
    await writeFile(localPath, 'sand '.repeat(1000))
    const up = await service.bridge.invoke('transfers:add', {
      kind: 'upload',
      paths: [localPath],
      folderId: trip.id,
    })
    expect(up.ok).toBe(true)
    await openHistory(page)
    const row = page
      .getByRole('table', { name: 'Finished transfers' })
      .getByRole('row', { name: /beach\.jpg/ })
    // Known only by its id so far.
    await expect(row).toContainText(`1fichier folder #${trip.id}`, { timeout: 20_000 })
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Remote files' })
      .click()
    await expect(page.getByRole('table', { name: 'Contents of My files' })).toContainText('Trip 2024')
    await openHistory(page)
    await expect(row).toContainText('Trip 2024 (1fichier)')
    await expect(row).not.toContainText('#')
  })

  test('speaks French and offers a way out of the empty state', async ({ app, service }) => {
    const { page } = app
    const updated = await service.bridge.invoke('settings:update', { language: 'fr' })
    expect(updated.ok).toBe(true)
    await page.reload()
    await openHistory(page, 'Historique')
    await expect(page.getByRole('heading', { name: 'Rien de terminé pour l’instant' })).toBeVisible()
    await app.screenshots('history-empty-fr')
    await page.getByRole('button', { name: 'Aller aux transferts' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Transferts')
  })
})
