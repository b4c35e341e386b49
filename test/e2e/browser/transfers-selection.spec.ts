import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { TestService } from '../../helpers/test-service'
import { EMULATOR_ACCOUNTS } from '../fixtures/emulator-accounts'
import { expect, test } from '../fixtures/test'

const { key } = EMULATOR_ACCOUNTS.premium

const transferRows = (page: Page) =>
  page.getByRole('list', { name: 'Transfers', exact: true }).getByRole('listitem')
const selectionBar = (page: Page) => page.getByRole('toolbar', { name: 'Selection actions' })
const stateCounts = (page: Page) => page.getByRole('list', { name: 'Transfers by state' })

/** The queue as the core holds it, in queue order. */
async function queue(service: TestService): Promise<{ source: string; status: string; link?: string }[]> {
  const listed = await service.bridge.invoke('transfers:list', {})
  if (!listed.ok) throw new Error(listed.error.message)
  return [...listed.value.items]
    .sort((a, b) => a.order - b.order)
    .map(({ source, status, link }) => ({ source, status, ...(link ? { link } : {}) }))
}

test.describe('selecting transfers', () => {
  test.use({ contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } })

  test('selects with click, Ctrl+click and Shift+click, then reorders, resumes, copies and removes', async ({
    app,
    service,
    emulator,
  }) => {
    test.setTimeout(60_000)
    const { page } = app
    const files: { id: string; url: string }[] = []
    for (const n of [1, 2, 3, 4, 5])
      files.push(
        await emulator.control.createFile({ key, name: `file-${n}.bin`, content: `file ${n} `.repeat(50) }),
      )
    const file = (n: number) => files[n - 1]!
    await service.bridge.invoke('transfers:add', {
      kind: 'download',
      text: files.map(({ url }) => url).join('\n'),
      start: false,
    })
    await expect(stateCounts(page)).toContainText('5 paused')
    // Until a download starts, its row is named after its link.
    const row = (n: number) => transferRows(page).filter({ hasText: file(n).id })
    const clickRow = (n: number, modifiers: ('Control' | 'Shift')[] = []) =>
      row(n).locator('.transfer-row__title').click({ modifiers })
    const check = (n: number) => row(n).getByRole('checkbox', { name: /^Select / })
    const inOrder = (...numbers: number[]) => numbers.map((n) => new RegExp(file(n).id))
    await expect(selectionBar(page)).toContainText('Click a row to select it')

    await clickRow(2)
    await clickRow(4, ['Control'])
    await expect(check(2)).toBeChecked()
    await expect(check(4)).toBeChecked()
    await expect(check(3)).not.toBeChecked()
    await expect(row(2)).toHaveAttribute('data-selected', 'true')
    await expect(selectionBar(page)).toContainText('2 selected')
    // Shift extends from the last row clicked without Shift (file 4).
    await clickRow(5, ['Shift'])
    await expect(selectionBar(page)).toContainText('2 selected')
    await expect(check(2)).not.toBeChecked()
    await expect(check(4)).toBeChecked()
    await expect(check(5)).toBeChecked()
    await clickRow(1, ['Shift'])
    await expect(selectionBar(page)).toContainText('4 selected')
    await clickRow(5, ['Shift'])
    await expect(selectionBar(page)).toContainText('2 selected')
    await app.screenshots('transfers-selection')

    // Files 4 and 5 go to the top of the queue, in the core and in the list.
    await selectionBar(page).getByRole('button', { name: 'Move to top' }).click()
    await expect(transferRows(page)).toHaveText(inOrder(4, 5, 1, 2, 3))
    expect((await queue(service)).map((item) => item.source)).toEqual([4, 5, 1, 2, 3].map((n) => file(n).url))
    // A plain click selects one row; to the bottom, then one place up.
    await clickRow(1)
    await expect(selectionBar(page)).toContainText('1 selected')
    await selectionBar(page).getByRole('button', { name: 'Move to bottom' }).click()
    await expect(transferRows(page)).toHaveText(inOrder(4, 5, 2, 3, 1))
    await selectionBar(page).getByRole('button', { name: 'Move up' }).click()
    await expect(transferRows(page)).toHaveText(inOrder(4, 5, 2, 1, 3))
    expect((await queue(service)).map((item) => item.source)).toEqual([4, 5, 2, 1, 3].map((n) => file(n).url))

    // The checkbox adds a row; Resume starts only the selected ones.
    await check(2).click()
    await expect(selectionBar(page)).toContainText('2 selected')
    await selectionBar(page).getByRole('button', { name: 'Resume' }).click()
    await expect(stateCounts(page)).toContainText('2 done', { timeout: 15_000 })
    expect((await queue(service)).map((item) => item.status)).toEqual([
      'paused',
      'paused',
      'completed',
      'completed',
      'paused',
    ])
    for (const n of [1, 2]) {
      const onDisk = await readFile(join(service.downloadsDir, `file-${n}.bin`))
      expect(onDisk.equals(emulator.control.readFile(key, file(n).id)), `file-${n}.bin`).toBe(true)
    }
    await expect(row(2)).toContainText('file-2.bin')

    // Copy links puts the finished items' links on the clipboard, in list order.
    const links = (await queue(service))
      .filter((item) => item.status === 'completed')
      .map((item) => item.link)
    expect(links).toHaveLength(2)
    await selectionBar(page).getByRole('button', { name: 'Copy links' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Copied 2 links.' })).toBeVisible()
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(links.join('\n'))

    // Delete removes the selection; nothing in it is in progress, so it does not ask.
    await check(1).focus()
    await page.keyboard.press('Delete')
    await expect(transferRows(page)).toHaveCount(3)
    expect((await queue(service)).map((item) => item.source)).toEqual([4, 5, 3].map((n) => file(n).url))
    await expect(selectionBar(page)).toContainText('Click a row to select it')
  })
})
