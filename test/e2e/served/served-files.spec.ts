import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { EMULATOR_ACCOUNTS } from '../fixtures/emulator-accounts'
import { expect, test } from './served-app'

const { key } = EMULATOR_ACCOUNTS.premium

test('a file dropped on the served page is streamed to the server, uploaded, and its copy let go', async ({
  page,
  served,
  emulator,
}) => {
  const content = 'dropped in the browser\n'.repeat(2000)
  // What the browser hands the page for a file dragged in from the desktop (in the page: no DOM types here).
  await page.evaluate(`(() => {
    const transfer = new DataTransfer()
    transfer.items.add(new File([${JSON.stringify(content)}], 'from-the-desktop.txt', { type: 'text/plain' }))
    for (const type of ['dragenter', 'dragover', 'drop'])
      window.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }))
  })()`)
  const dialog = page.getByRole('dialog', { name: /^Upload 1 item to/ })
  await dialog.getByRole('button', { name: 'Upload', exact: true }).click()
  await expect(page.getByText(/^1 upload to My files added\.$/)).toBeVisible({ timeout: 15_000 })
  await expect
    .poll(() => emulator.control.listFiles(key).map((file) => [file.name, file.size]), { timeout: 20_000 })
    .toEqual([['from-the-desktop.txt', content.length]])
  await expect.poll(() => readdir(join(served.stateDir, 'staging')), { timeout: 20_000 }).toEqual([])
})
