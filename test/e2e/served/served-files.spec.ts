import { randomUUID } from 'node:crypto'
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
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

test.describe('files already on the server', () => {
  // Named when the file loads, made before the server starts (each test starts its own).
  const root = join(tmpdir(), `fd-served-root-${randomUUID()}`)
  test.use({ serveArgs: ['--root', root] })
  test.beforeAll(async () => {
    await mkdir(join(root, 'films'), { recursive: true })
    await writeFile(join(root, 'films', 'clip.mkv'), 'a film already on the NAS')
  })
  test.afterAll(() => rm(root, { recursive: true, force: true }))

  test('are chosen in the server’s shared folders and uploaded', async ({ page, emulator }) => {
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Remote files' })
      .click()
    await page.getByRole('button', { name: 'From the server…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Upload from the server to My files' })
    await dialog.getByRole('button', { name: basename(root) }).click()
    await dialog.getByRole('button', { name: 'films' }).click()
    await dialog.getByRole('checkbox', { name: 'clip.mkv' }).check()
    await dialog.getByRole('button', { name: 'Upload 1 item' }).click()
    await expect(dialog).toBeHidden()
    await expect
      .poll(() => emulator.control.listFiles(key).map((file) => file.name), { timeout: 20_000 })
      .toEqual(['clip.mkv'])
  })
})
