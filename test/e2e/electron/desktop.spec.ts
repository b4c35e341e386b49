import { expect, test, type Page } from '@playwright/test'
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { findElectronBinary } from './electron-binary'
import { launchApp, type LaunchedApp } from './launch-app'

const KEY = 'ElectronKeyElectronKeyElectron01'
const MiB = 1024 * 1024

const binary = findElectronBinary()
if ('missing' in binary) console.warn(`Electron end-to-end tests skipped: ${binary.missing}`)

/** A paste outside any text field, as Ctrl+V on the window sends it. */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate(`(() => {
    const data = new DataTransfer()
    data.setData('text/plain', ${JSON.stringify(text)})
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }))
  })()`)
}

async function statusOf(launched: LaunchedApp, name: string): Promise<string | undefined> {
  const { items } = await launched.invoke('transfers:list', {})
  return items.find((item) => item.name === name)?.status
}

test.describe('the desktop app in the background', () => {
  test.skip('missing' in binary, 'missing' in binary ? binary.missing : '')

  let emulator: RunningEmulator
  let home: string
  let downloads: string
  let launched: LaunchedApp | undefined

  test.beforeAll(async () => {
    emulator = await startEmulator({
      rateLimits: false,
      keys: [{ key: KEY, tier: 'premium', email: 'desk@example.com' }],
    })
  })

  test.afterAll(async () => {
    await emulator?.stop()
  })

  test.beforeEach(async () => {
    if (!('path' in binary)) return
    emulator.control.reset()
    emulator.control.setSpeedCap(0)
    home = await mkdtemp(join(tmpdir(), 'fd-desktop-'))
    downloads = join(home, 'downloads')
    // The window may not point downloads at a folder nobody picked: the profile starts with it set.
    await mkdir(join(home, 'profile'), { recursive: true })
    await writeFile(
      join(home, 'profile', 'settings.json'),
      JSON.stringify({ version: 2, downloadDir: downloads, closeToTray: true }),
    )
    launched = await launchApp({
      executablePath: binary.path,
      profileDir: join(home, 'profile'),
      apiUrl: emulator.apiUrl,
    })
    await launched.invoke('account:setKey', { key: KEY, persist: 'session' })
    expect(await launched.invoke('settings:get', {})).toMatchObject({ downloadDir: downloads })
  })

  test.afterEach(async () => {
    emulator?.control.setSpeedCap(0)
    // Nothing runs any more, so quitting does not ask.
    if (launched) await launched.app.close()
    launched = undefined
    if (home) await rm(home, { recursive: true, force: true })
  })

  test('downloads a link pasted into the window', async () => {
    if (!launched) return
    const file = await emulator.control.createFile({
      key: KEY,
      name: 'pasted.txt',
      content: 'hello from the emulator',
    })
    await paste(launched.page, `have a look: ${file.url}`)
    const dialog = launched.page.getByRole('dialog', { name: 'Add links' })
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await expect.poll(() => statusOf(launched!, 'pasted.txt'), { timeout: 20_000 }).toBe('completed')
    expect(await readFile(join(downloads, 'pasted.txt'), 'utf8')).toBe('hello from the emulator')
  })

  test("File > Add links opens the Add dialog filled with the clipboard's links, for review", async () => {
    if (!launched) return
    const file = await emulator.control.createFile({ key: KEY, name: 'copied.txt', content: 'copied' })
    await launched.app.evaluate(({ clipboard, Menu }, text) => {
      clipboard.writeText(text)
      const items = Menu.getApplicationMenu()?.items.flatMap((item) => item.submenu?.items ?? []) ?? []
      items.find((item) => item.label === 'Add links…')?.click()
    }, `copied from a chat: ${file.url}`)
    const dialog = launched.page.getByRole('dialog', { name: 'Add links' })
    await expect(dialog.getByRole('textbox', { name: 'Links', exact: true })).toHaveValue(
      `copied from a chat: ${file.url}`,
    )
    expect(await statusOf(launched, 'copied.txt')).toBeUndefined()
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await expect.poll(() => statusOf(launched!, 'copied.txt'), { timeout: 20_000 }).toBe('completed')
  })

  test('closing the window hides it: the process stays and the transfer finishes', async () => {
    if (!launched) return
    const size = 4 * MiB
    const file = await emulator.control.createFile({
      key: KEY,
      name: 'background.bin',
      synthetic: { size, seed: 7 },
    })
    emulator.control.setSpeedCap(256 * 1024)
    await launched.invoke('transfers:add', { kind: 'download', text: file.url })
    await expect.poll(() => statusOf(launched!, 'background.bin'), { timeout: 15_000 }).toBe('active')

    await launched.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close())
    await expect.poll(() => launched!.windows()).toEqual([{ visible: false, destroyed: false }])
    expect(launched.app.process().exitCode).toBeNull()
    expect(await statusOf(launched, 'background.bin')).toBe('active')
    await expect.poll(async () => (await launched!.tray()).items[0]?.label).toBe('Show Fichier Desk')

    emulator.control.setSpeedCap(4 * MiB)
    await expect.poll(() => statusOf(launched!, 'background.bin'), { timeout: 30_000 }).toBe('completed')
    expect((await stat(join(downloads, 'background.bin'))).size).toBe(size)
    expect(launched.app.process().exitCode).toBeNull()
  })

  test('has a tray menu with its items and a tooltip that follows the queue', async () => {
    if (!launched) return
    const tray = await launched.tray()
    expect(tray.items.filter((item) => item.type !== 'separator').map((item) => item.label)).toEqual([
      expect.stringMatching(/^(Show|Hide) Fichier Desk$/),
      'Add links from clipboard',
      'Pause all',
      'Resume all',
      'Quit',
    ])
    expect(tray.tooltip).toBe('Fichier Desk\nNo transfers running')

    const file = await emulator.control.createFile({
      key: KEY,
      name: 'slow.bin',
      synthetic: { size: 2 * MiB, seed: 3 },
    })
    emulator.control.setSpeedCap(128 * 1024)
    await launched.invoke('transfers:add', { kind: 'download', text: file.url })
    await expect
      .poll(async () => (await launched!.tray()).tooltip, { timeout: 15_000 })
      .toContain('1 transfer')
    const busy = await launched.tray()
    expect(busy.items.find((item) => item.label === 'Pause all')?.enabled).toBe(true)

    await launched.invoke('transfers:pause', { all: true })
    await expect.poll(async () => (await launched!.tray()).tooltip).toBe('Fichier Desk\n1 transfer paused')
    expect((await launched.tray()).items.find((item) => item.label === 'Resume all')?.enabled).toBe(true)
    await launched.invoke('transfers:remove', { all: true })
  })

  test('has the application menu', async () => {
    if (!launched) return
    const expected =
      process.platform === 'darwin'
        ? ['Fichier Desk', 'File', 'Edit', 'View', 'Window', 'Help']
        : ['File', 'Edit', 'View', 'Window', 'Help']
    expect(await launched.menu()).toEqual(expected)
  })

  test('a second launch with a link hands it to the running app and exits', async () => {
    if (!launched || !('path' in binary)) return
    const file = await emulator.control.createFile({
      key: KEY,
      name: 'second-launch.txt',
      content: 'forwarded',
    })
    const second = spawn(
      binary.path,
      ['out/main/index.js', `--user-data-dir=${join(home, 'profile')}`, file.url],
      {
        env: { ...process.env, FICHIER_API_URL: emulator.apiUrl },
        stdio: 'ignore',
      },
    )
    const code = await new Promise<number | null>((resolve) => second.once('exit', resolve))
    expect(code).toBe(0)
    await expect.poll(() => statusOf(launched!, 'second-launch.txt'), { timeout: 20_000 }).toBe('completed')
    expect(await readFile(join(downloads, 'second-launch.txt'), 'utf8')).toBe('forwarded')
    expect(await launched.windows()).toEqual([{ visible: true, destroyed: false }])
  })
})
