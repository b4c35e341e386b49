import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test'
import { join } from 'node:path'
import type { InvokeChannel, InvokeInput, InvokeOutput, IpcResult } from '../../../src/shared/contract'

export interface TrayView {
  tooltip: string
  items: Array<{ label: string; enabled: boolean; type: string }>
}

export interface LaunchedApp {
  app: ElectronApplication
  page: Page
  /** Calls the contract from the page, as the renderer does; throws on an error envelope. */
  invoke<C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<InvokeOutput<C>>
  /** The tray as drawn (tooltip and menu), read through the app's test hooks. */
  tray(): Promise<TrayView>
  /** Every BrowserWindow of the main process. */
  windows(): Promise<Array<{ visible: boolean; destroyed: boolean }>>
  /** Labels of the application menu's top level. */
  menu(): Promise<string[]>
}

/**
 * Starts the built app (`out/main/index.js`) with its own profile, against the emulator, with the
 * test hooks on (`globalThis.fichierDeskTest` in the main process).
 */
export async function launchApp(options: {
  executablePath: string
  profileDir: string
  apiUrl: string
  args?: string[]
}): Promise<LaunchedApp> {
  const app = await electron.launch({
    executablePath: options.executablePath,
    args: ['out/main/index.js', `--user-data-dir=${options.profileDir}`, ...(options.args ?? [])],
    env: { ...process.env, FICHIER_API_URL: options.apiUrl, FICHIER_DESK_TEST_HOOKS: '1' },
  })
  const page = await app.firstWindow()
  return {
    app,
    page,
    async invoke(channel, input) {
      const result = (await page.evaluate(
        ([name, payload]) =>
          (
            globalThis as unknown as { fichier: { invoke(c: string, i: unknown): Promise<unknown> } }
          ).fichier.invoke(name, payload),
        [channel, input] as const,
      )) as IpcResult<InvokeOutput<typeof channel>>
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
      return result.value
    },
    tray: () =>
      app.evaluate(() =>
        (globalThis as unknown as { fichierDeskTest: { tray(): TrayView } }).fichierDeskTest.tray(),
      ),
    windows: () =>
      app.evaluate(({ BrowserWindow }) =>
        BrowserWindow.getAllWindows().map((window) => ({
          visible: window.isVisible(),
          destroyed: window.isDestroyed(),
        })),
      ),
    menu: () => app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label) ?? []),
  }
}

/** The profile folder of one launch inside a test's home. */
export const profileOf = (home: string, name: string) => join(home, name)
