import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FichierBridge } from '../../src/shared/contract'
import { MemorySecrets } from '../../src/main/core/account/memory-secrets'
import { createCore, type Core, type CoreOptions } from '../../src/main/core/create-core'
import { scriptedDialogs, type RiskyFile } from '../../src/main/core/dialogs-port'
import { recordingFileOpener } from '../../src/main/core/file-opener-port'
import { createInProcessBridge } from '../../src/main/core/ipc/in-process-bridge'
import { createConfSettingsPort } from '../../src/main/core/settings/conf-settings-port'
import type { Service } from '../../src/main/core/service'

export interface TestServiceOptions {
  /** The emulator's API base. */
  apiUrl?: string
  /** A key set (and checked with user/info) before the service is handed out. */
  key?: string
  /** Reuse a data folder, to test what survives a restart. */
  dataDir?: string
  /** Pretend the OS offers encryption (the default) or not. */
  encryptionAvailable?: boolean
  client?: CoreOptions['client']
  engine?: CoreOptions['engine']
  /** What the folder picker answers (`dialog:pickFolder`): a folder, or null as if cancelled (the default). */
  pickFolder?: string | null
  /** The answer to "open this downloaded program?" (no, by default). */
  confirmOpen?: boolean
  /** As `fichier serve` gives them: the shared folders, and which files the page may upload. */
  serverFiles?: CoreOptions['serverFiles']
  uploadSources?: CoreOptions['uploadSources']
}

export interface TestService {
  bridge: FichierBridge
  service: Service
  core: Core
  dataDir: string
  downloadsDir: string
  /** What `transfers:open` handed to the desktop, in order. */
  opened: { path: string; reveal: boolean }[]
  /** The downloaded programs and scripts the user was asked about before opening, in order. */
  confirmations: RiskyFile[]
  /** Stops the core; the data folder is removed unless it was given. */
  close(): Promise<void>
}

/**
 * The real core service (API client, engine, queue store, settings) behind the in-process bridge,
 * with its files in a temporary folder: what tests and browser end-to-end tests talk to.
 */
export async function createTestService(options: TestServiceOptions = {}): Promise<TestService> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'fd-service-')))
  const downloadsDir = join(dataDir, 'downloads')
  const fileOpener = recordingFileOpener()
  const dialogs = scriptedDialogs(
    options.pickFolder ?? null,
    options.confirmOpen === undefined ? {} : { confirmOpen: options.confirmOpen },
  )
  const core = await createCore({
    dataDir,
    defaultDownloadsDir: downloadsDir,
    secrets: new MemorySecrets(options.encryptionAvailable ?? true),
    settingsPort: createConfSettingsPort(join(dataDir, 'settings')),
    app: { version: '0.0.0-test', platform: process.platform },
    env: {
      ...(options.apiUrl ? { FICHIER_API_URL: options.apiUrl } : {}),
      FICHIER_DESK_KEYS_DIR: join(dataDir, 'keys'),
    },
    log: () => undefined,
    client: {
      callsPerSecond: 20,
      retry: { baseMs: 20, maxMs: 200 },
      report: { delayMs: 20 },
      ...options.client,
    },
    engine: { progressIntervalMs: 100, ...options.engine },
    dialogs,
    fileOpener,
    ...(options.serverFiles ? { serverFiles: options.serverFiles } : {}),
    ...(options.uploadSources ? { uploadSources: options.uploadSources } : {}),
  })
  if (options.key) await core.account.setKey(options.key, 'session')
  return {
    bridge: createInProcessBridge(core.service),
    service: core.service,
    core,
    dataDir,
    downloadsDir,
    opened: fileOpener.requests,
    confirmations: dialogs.confirmations,
    async close() {
      await core.close()
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true })
    },
  }
}
