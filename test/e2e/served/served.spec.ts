import { mkdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { syntheticBytes } from '../../emulator/index'
import { EMULATOR_ACCOUNTS } from '../fixtures/emulator-accounts'
import { SCREENSHOT_DIR } from '../fixtures/test'
import { runCli } from '../../main/cli/cli-process'
import { openSocket } from '../../main/server/ws-client'
import { expect, test } from './served-app'

const { key } = EMULATOR_ACCOUNTS.premium
const stateCounts = (page: Page) => page.getByRole('list', { name: 'Transfers by state' })
const section = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name })

test.describe('the interface served by fichier serve, in a browser', () => {
  test('adds links and follows their progress to the end; the files are on the server’s disk', async ({
    page,
    served,
    emulator,
  }) => {
    const big = await emulator.control.createFile({
      key,
      name: 'big.iso',
      synthetic: { size: 3 * 1024 * 1024 },
    })
    const small = await emulator.control.createFile({ key, name: 'notes.txt', content: 'notes '.repeat(500) })
    emulator.control.setSpeedCap(1024 * 1024)

    await page.getByRole('button', { name: 'Add links' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add links' })
    await dialog.getByRole('textbox', { name: 'Links', exact: true }).fill(`${big.url}\n${small.url}`)
    // The server's folders are not this computer's: no native folder picker in a browser.
    await expect(dialog.getByRole('button', { name: 'Choose the destination folder' })).toHaveCount(0)
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(dialog).toBeHidden()

    const bar = page.getByRole('progressbar', { name: 'Progress of big.iso' })
    await expect(bar).toBeVisible({ timeout: 15_000 })
    await expect(bar).not.toHaveAttribute('aria-valuenow', '0', { timeout: 15_000 })
    await expect(stateCounts(page)).toContainText('2 done', { timeout: 30_000 })
    // Finished transfers are told in the page (a browser has no desktop notifications).
    await expect(page.getByText('Download finished: big.iso')).toBeVisible()
    await mkdir(SCREENSHOT_DIR, { recursive: true })
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'served-transfers.png'), animations: 'disabled' })
    // Nothing to open or show in a folder: the files are on the server.
    await expect(page.getByRole('button', { name: /^Show .* in its folder$/ })).toHaveCount(0)

    const onDisk = await readFile(join(served.downloadDir, 'big.iso'))
    expect(onDisk.equals(syntheticBytes(big.seed!, 3 * 1024 * 1024))).toBe(true)
    expect(await readFile(join(served.downloadDir, 'notes.txt'), 'utf8')).toBe('notes '.repeat(500))
  })

  test('browses the remote files of the account', async ({ page, emulator }) => {
    const { id } = emulator.control.createFolder({ key, name: 'Holidays' })
    await emulator.control.createFile({ key, name: 'readme.txt', content: 'hello' })
    await emulator.control.createFile({ key, folderId: id, name: 'beach.jpg', content: 'jpeg' })

    await section(page, 'Remote files').click()
    const root = page.getByRole('table', { name: 'Contents of My files' })
    await expect(root.getByRole('row').filter({ hasText: 'readme.txt' })).toBeVisible({ timeout: 15_000 })
    await root.getByRole('button', { name: 'Holidays' }).click()
    const folder = page.getByRole('table', { name: 'Contents of Holidays' })
    await expect(folder.getByRole('row').filter({ hasText: 'beach.jpg' })).toBeVisible({ timeout: 15_000 })
  })

  test('changes a setting, kept by the server; desktop-only settings are not offered', async ({
    page,
    served,
  }) => {
    await section(page, 'Settings').click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings')
    await expect(page.getByLabel('Start at login')).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Choose the download folder' })).toHaveCount(0)
    await page.getByLabel('Transfers at once').fill('5')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible()

    const saved = JSON.parse(await readFile(join(served.stateDir, 'settings', 'settings.json'), 'utf8')) as {
      maxActive?: number
    }
    expect(saved.maxActive).toBe(5)
    await page.reload()
    await section(page, 'Settings').click()
    await expect(page.getByLabel('Transfers at once')).toHaveValue('5')
  })

  test('says where the key is kept, and stops cleanly on SIGTERM', async ({ page, served }) => {
    await section(page, 'Account').click()
    await expect(page.getByText('This server has no system keychain')).toBeVisible()
    // No password, no session: nothing to log out of.
    await expect(section(page, 'Log out')).toHaveCount(0)
    await expect(page.getByRole('status', { name: 'Key status' })).toContainText(
      'Your key was given when the server started',
    )
    const stop = await served.stop()
    expect(stop.code).toBe(0)
    expect(stop.output).toContain('stopping (SIGTERM)')
    await expect(page.getByText('Lost the connection to the server; reconnecting…')).toBeVisible()
  })
})

test('reconnects to a restarted server and shows what happened meanwhile', async ({
  page,
  served,
  emulator,
}) => {
  const file = await emulator.control.createFile({ key, name: 'while-away.txt', content: 'away '.repeat(50) })
  await section(page, 'History').click()
  await expect(page.getByRole('heading', { name: 'Nothing finished yet' })).toBeVisible()

  await served.stop()
  await expect(page.getByText('Lost the connection to the server; reconnecting…')).toBeVisible()
  // Meanwhile a command line fetches a file with the same state folder: it lands in the history.
  const out = join(served.downloadDir, 'cli')
  const fetched = await runCli(['download', file.url, '--out', out, '--state-dir', served.stateDir], {
    env: served.env,
  })
  expect(fetched.code, fetched.stderr).toBe(0)

  await served.restart()
  await expect(page.getByText('Connected to the server again.')).toBeVisible({ timeout: 20_000 })
  const table = page.getByRole('table', { name: 'Finished transfers' })
  await expect(table.getByRole('row').filter({ hasText: 'while-away.txt' })).toBeVisible()
  await section(page, 'Settings').click()
  await expect(page.getByLabel('Transfers at once')).toHaveValue('3')
})

test.describe('a server started without a key', () => {
  test.use({ serveKey: null })

  test('takes the key from the Account view and keeps it in its state folder, readable by its user only', async ({
    page,
    served,
  }) => {
    await section(page, 'Account').click()
    await expect(page.getByRole('status', { name: 'Key status' })).toHaveText('No API key yet.')
    await page.getByLabel('API key', { exact: true }).fill(key)
    await page.getByRole('button', { name: 'Save key' }).click()
    await expect(page.getByText('Key saved and checked.')).toBeVisible({ timeout: 15_000 })
    await expect(page.getByRole('status', { name: 'Key status' })).toContainText(
      'Your key is saved on the server, in its state folder (file api-key, mode 600).',
    )
    const file = join(served.stateDir, 'api-key')
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect((await readFile(file, 'utf8')).trim()).toBe(key)
    expect(served.output()).not.toContain(key)
  })
})

test.describe('a server with a password', () => {
  test.use({ servePassword: 'correct horse battery' })

  test('is used after the login page; without the session cookie neither the page nor /ws answer; Log out ends it', async ({
    page,
    served,
    emulator,
    browser,
  }) => {
    const file = await emulator.control.createFile({
      key,
      name: 'after-login.txt',
      content: 'in '.repeat(100),
    })
    await page.getByRole('button', { name: 'Add links' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add links' })
    await dialog.getByRole('textbox', { name: 'Links', exact: true }).fill(file.url)
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(stateCounts(page)).toContainText('1 done', { timeout: 15_000 })
    expect(await readFile(join(served.downloadDir, 'after-login.txt'), 'utf8')).toBe('in '.repeat(100))

    // Another page without the session cookie gets the login page; a WebSocket without it is refused.
    const stranger = await browser.newPage()
    await stranger.goto(served.url)
    await expect(stranger).toHaveTitle('Log in · Fichier Desk')
    await stranger.close()
    await expect(openSocket(served.url)).rejects.toMatchObject({ status: 401 })

    // Log out ends the session: back to the login page, and the app's page asks for the password again.
    await section(page, 'Log out').click()
    await expect(page).toHaveTitle('Log in · Fichier Desk')
    await page.goto(served.url)
    await expect(page).toHaveTitle('Log in · Fichier Desk')
  })
})
