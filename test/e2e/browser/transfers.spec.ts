import { expect, test } from '../fixtures/test'

const link = (id: string) => `https://1fichier.com/?${id}`

test.describe('the Transfers view', () => {
  test('says what to do when the queue is empty', async ({ app }) => {
    await expect(app.page.getByRole('heading', { name: 'No transfers yet' })).toBeVisible()
  })

  test('adds links through the dialog and reports what was not added', async ({ app, service }) => {
    const { page } = app
    await service.bridge.invoke('transfers:add', { kind: 'download', text: link('already') })
    await page.getByRole('button', { name: 'Add links' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add links' })
    await expect(dialog).toBeVisible()
    await dialog
      .getByRole('textbox', { name: 'Links', exact: true })
      .fill([link('first1'), 'see you tomorrow', link('second2'), link('already')].join('\n'))
    await expect(dialog.getByText('3 links found.')).toBeVisible()
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()

    const result = dialog.getByRole('status', { name: 'Add result' })
    await expect(result).toContainText('Added 2, 1 already in the queue, 1 not recognised.')
    await expect(dialog.getByRole('list', { name: 'Lines not added' })).toContainText(
      'see you tomorrow — Not a 1fichier link',
    )
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect(dialog).toBeHidden()

    const rows = page.getByRole('list', { name: 'Transfers', exact: true }).getByRole('listitem')
    await expect(rows).toHaveCount(3)
    await expect(rows.first()).toHaveAccessibleName('file-already.bin')
    expect(service.items().map((item) => item.source)).toEqual([
      link('already'),
      link('first1'),
      link('second2'),
    ])
    await app.screenshot('transfers-after-add-light')
  })

  test('opens the dialog with what is pasted outside a text field, from any section', async ({ app }) => {
    const { page } = app
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings')
    // A paste outside any text field, as Ctrl+V on the window would send it.
    const pasted = `${link('pasted1')}\n${link('pasted2')}`
    await page.evaluate(`(() => {
      const data = new DataTransfer()
      data.setData('text/plain', ${JSON.stringify(pasted)})
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }))
    })()`)
    const dialog = page.getByRole('dialog', { name: 'Add links' })
    await expect(dialog.getByRole('textbox', { name: 'Links', exact: true })).toHaveValue(
      `${link('pasted1')}\n${link('pasted2')}`,
    )
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Transfers')
    await expect(
      page.getByRole('list', { name: 'Transfers', exact: true }).getByRole('listitem'),
    ).toHaveCount(2)
  })

  test('pauses, resumes and removes through row and toolbar actions', async ({ app, service }) => {
    const { page } = app
    await service.bridge.invoke('transfers:add', {
      kind: 'download',
      text: [link('aaa'), link('bbb')].join('\n'),
    })
    const row = page.getByRole('listitem', { name: 'file-aaa.bin' })
    await row.getByRole('button', { name: 'Pause file-aaa.bin' }).click()
    await expect(row).toContainText('Paused')
    await expect(page.getByRole('list', { name: 'Transfers by state' })).toContainText('1 paused')

    await page.getByRole('button', { name: 'Pause all' }).click()
    await expect(page.getByRole('listitem', { name: 'file-bbb.bin' })).toContainText('Paused')
    expect(service.items().map((item) => item.status)).toEqual(['paused', 'paused'])

    await page.getByRole('button', { name: 'Resume all' }).click()
    await expect(
      page
        .getByRole('list', { name: 'Transfers', exact: true })
        .getByRole('listitem')
        .filter({ hasText: 'Queued' }),
    ).toHaveCount(2)

    await row.getByRole('button', { name: 'Cancel file-aaa.bin' }).click()
    await row.getByRole('button', { name: 'Remove file-aaa.bin' }).click()
    await expect(row).toBeHidden()
    expect(service.items().map((item) => item.name)).toEqual(['file-bbb.bin'])
  })

  test('filters by state and by text', async ({ app, service }) => {
    const { page } = app
    await service.bridge.invoke('transfers:add', {
      kind: 'download',
      text: [link('keep1'), link('other2')].join('\n'),
    })
    service.setStatus([service.items()[0]?.id ?? ''], 'paused')
    const rows = page.getByRole('list', { name: 'Transfers', exact: true }).getByRole('listitem')
    await expect(rows).toHaveCount(2)
    await page.getByRole('combobox', { name: 'State' }).selectOption('paused')
    await expect(rows).toHaveCount(1)
    await expect(page.getByRole('listitem', { name: 'file-keep1.bin' })).toBeVisible()
    await page.getByRole('combobox', { name: 'State' }).selectOption('any')
    await page.getByRole('searchbox', { name: 'Search transfers' }).fill('other')
    await expect(rows).toHaveCount(1)
    await expect(page.getByRole('listitem', { name: 'file-other2.bin' })).toBeVisible()
    await page.getByRole('button', { name: 'Uploads', exact: true }).click()
    await expect(page.getByText('No transfer matches this filter.')).toBeVisible()
  })

  test('keeps 10,000 queued items scrollable with few rows in the DOM', async ({ app, service }) => {
    const { page } = app
    const text = Array.from({ length: 10_000 }, (_, index) => link(`bulk${index}`)).join('\n')
    await service.bridge.invoke('transfers:add', { kind: 'download', text, start: false })
    await expect(page.getByRole('list', { name: 'Transfers by state' })).toContainText('10000 paused')
    const rows = page.getByRole('list', { name: 'Transfers', exact: true }).getByRole('listitem')
    expect(await rows.count()).toBeLessThan(200)
    await expect(page.getByRole('listitem', { name: 'file-bulk0.bin' })).toBeVisible()

    await page
      .locator('.transfer-list')
      .evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
    await expect(page.getByRole('listitem', { name: 'file-bulk9999.bin' })).toBeVisible()
    await expect(page.getByRole('listitem', { name: 'file-bulk0.bin' })).toHaveCount(0)
    expect(await rows.count()).toBeLessThan(200)
  })
})
