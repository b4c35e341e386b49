import { join } from 'node:path'
import { AccountService } from './account/account-service'
import type { SecretsPort } from './account/secrets-port'
import { FichierClient, type FichierClientOptions } from './fichier/fichier-client'
import { defaultKeysDir } from './fichier/key-budget-dir'
import { systemClock, type Clock } from './lib/clock'
import { QueueStore } from './queue/queue-store'
import { TransferHistory } from './history/transfer-history'
import { RemoteService } from './remote/remote-service'
import { grantingDialogs, scriptedDialogs, type DialogsPort } from './dialogs-port'
import { noFileOpener, type FileOpenerPort } from './file-opener-port'
import { noServerFiles, type ServerFilesPort } from './server-files-port'
import type { UploadSourcesPort } from './transfers/intake/upload-sources-port'
import { openTransferFile } from './transfers/local-files/open-transfer-file'
import { grantedTargetDir } from './transfers/intake/download-target-dir'
import { checkDownloadDirChange, FolderGrants } from './transfers/intake/folder-grants'
import { writeMarkOfTheWeb } from './transfers/local-files/mark-of-the-web'
import { createService, type Service } from './service'
import { resolveApiBaseUrl } from './settings/api-base-url'
import { AltSpeedWatch } from './settings/alt-speed-watch'
import { SettingsService } from './settings/settings-service'
import type { SettingsPort } from './settings/settings-port'
import { TransferEngine, type EngineOptions } from './transfers/engine'
import type { EngineSettings } from './transfers/engine-settings'
import { createFichierTransferApi } from './transfers/fichier-transfer-api'
import { TransferRecord } from './transfers/transfer-record'
import type { Settings } from '../../shared/model/settings'
import type { TransferView } from '../../shared/model/transfer'

export interface CoreOptions {
  /** Where the queue journal lives (the key budgets, with the flood pause, live in the per-user keys folder). */
  dataDir: string
  /** Used when the download folder setting is empty. */
  defaultDownloadsDir: string
  secrets: SecretsPort
  settingsPort: SettingsPort
  /** Native dialogs; without them the folder picker answers "cancelled". */
  dialogs?: DialogsPort
  /** Opens local files on the desktop; without it, opening says it needs the desktop app. */
  fileOpener?: FileOpenerPort
  /** The server's shared folders (`fichier serve`); without it, listing them says it needs the served interface. */
  serverFiles?: ServerFilesPort
  /** Which local files the page may upload; without it, any file it names (the desktop: the user's own drops). */
  uploadSources?: UploadSourcesPort
  app: { version: string; platform: string }
  /** `FICHIER_API_URL` is read here: the API base (and where the key goes) is never a setting. */
  env: Record<string, string | undefined>
  /** The API base from a start-up flag, which wins over `FICHIER_API_URL`; `source` names it in errors. */
  apiUrl?: { value: string; source: string }
  log: (message: string) => void
  clock?: Clock
  /** Tuning for tests and benchmarks (pacing, caches, retries). */
  client?: Partial<FichierClientOptions>
  engine?: Partial<
    Pick<
      EngineOptions,
      'maxAttempts' | 'progressIntervalMs' | 'minSegment' | 'remotePollMs' | 'closeTimeoutMs'
    >
  >
}

export interface Core {
  service: Service
  settings: SettingsService
  account: AccountService
  client: FichierClient
  engine: TransferEngine
  history: TransferHistory
  /** Whether the alternative speed limits apply now (setting or schedule). */
  altSpeed: AltSpeedWatch
  close(): Promise<void>
}

/** What the engine needs of the settings; `altSpeed`: the alternative limits apply now. */
export function engineSettings(
  settings: Settings,
  defaultDownloadsDir: string,
  altSpeed = false,
): EngineSettings {
  return {
    downloadDir: settings.downloadDir || defaultDownloadsDir,
    maxActive: settings.maxActive,
    connectionsPerFile: settings.connectionsPerFile,
    accountConnections: settings.accountConnections,
    downloadLimit: altSpeed ? settings.altDownloadLimit : settings.downloadLimit,
    uploadLimit: altSpeed ? settings.altUploadLimit : settings.uploadLimit,
    conflict: settings.conflict,
    uploadDuplicates: settings.uploadDuplicates,
  }
}

/**
 * Builds the whole core from its ports: settings → API client → account → queue store → engine →
 * service. The app, the CLI and the tests all start here.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock
  const baseUrl = options.apiUrl
    ? resolveApiBaseUrl(options.apiUrl.value, options.apiUrl.source)
    : resolveApiBaseUrl(options.env['FICHIER_API_URL'])
  const settings = new SettingsService(options.settingsPort)
  let account: AccountService | null = null
  const client = new FichierClient({
    baseUrl,
    getKey: () => account?.getKey() ?? null,
    clock,
    stateDir: options.dataDir,
    // One budget per key for every process of the user (the app and each command line).
    budgetDir: defaultKeysDir(options.env),
    ...options.client,
  })
  account = new AccountService(options.secrets, client, () => clock.now())
  await client.syncBudget()

  const { store, items, report } = await QueueStore.open(join(options.dataDir, 'queue'), {
    schema: TransferRecord,
    clock,
    onCorrupt: (problem) => options.log(`queue: ${JSON.stringify(problem)}`),
  })
  if (report.problems.length > 0)
    options.log(`queue: loaded with ${report.problems.length} problem(s) repaired`)

  const altSpeed = new AltSpeedWatch({ settings, clock })
  const currentEngineSettings = () =>
    engineSettings(settings.get(), options.defaultDownloadsDir, altSpeed.active)
  const engine = new TransferEngine({
    store,
    records: items,
    api: createFichierTransferApi(client, { clock }),
    clock,
    settings: currentEngineSettings(),
    log: options.log,
    ...(options.uploadSources ? { uploadSources: options.uploadSources } : {}),
    ...options.engine,
  })
  // History keeps what completes, and what completed before it existed (a queue from an earlier version).
  const history = await TransferHistory.open(join(options.dataDir, 'history'), { clock, log: options.log })
  const keepInHistory = (views: readonly TransferView[]) =>
    history.record(views).catch((error: unknown) => {
      options.log(
        `history: could not record finished transfers: ${error instanceof Error ? error.message : String(error)}`,
      )
    })
  await keepInHistory(items)
  const unsubscribeHistory = engine.on('changed', (batch) => void keepInHistory(batch.upserts))
  // Limits follow the settings and, with a schedule, the clock.
  const unsubscribeSettings = settings.on('changed', () => engine.updateSettings(currentEngineSettings()))
  const unsubscribeAltSpeed = altSpeed.on('changed', () => engine.updateSettings(currentEngineSettings()))

  // Finished downloads carry Windows' Mark-of-the-Web (written only where the platform has it).
  const unsubscribeMark = engine.on('changed', ({ upserts }) => {
    for (const view of upserts) {
      if (view.kind !== 'download' || view.status !== 'completed') continue
      const local = engine.localFile(view.id)
      if (local?.finished) void writeMarkOfTheWeb(local.path, view.link ?? view.source, options.app.platform)
    }
  })

  // Nothing starts without a key; a key set (or replaced) releases the queue.
  engine.setHold((await account.getKey()) ? null : 'NO_KEY')
  const unsubscribeAccount = account.on('changed', (state) => engine.setHold(state.hasKey ? null : 'NO_KEY'))

  // What the window may ask for is narrower than what the engine can do (the CLI's --out is any
  // folder): downloads into the download folder, a folder inside it, or a folder picked in the dialog.
  const grants = new FolderGrants()
  const downloadDir = () => engineSettings(settings.get(), options.defaultDownloadsDir).downloadDir
  const dialogs = options.dialogs ?? scriptedDialogs(null)
  const service = createService({
    app: options.app,
    settings: {
      get: () => settings.get(),
      update: (patch) => {
        checkDownloadDirChange(
          patch,
          { setting: settings.get().downloadDir, effective: downloadDir() },
          grants,
        )
        return settings.update(patch)
      },
    },
    account,
    remote: new RemoteService(client),
    links: { check: (urls) => client.checkLinks(urls) },
    history,
    transfers: {
      list: () => engine.list(),
      add: async (request) =>
        engine.add(
          request.kind === 'download'
            ? {
                ...request,
                targetDir: await grantedTargetDir(request.targetDir, downloadDir(), grants.list()),
              }
            : request,
        ),
      pause: (selection) => engine.pause(selection),
      resume: (selection) => engine.resume(selection),
      cancel: (selection) => engine.cancel(selection),
      remove: (selection) => engine.remove(selection),
      reorder: (request) => engine.reorder(request),
      setPassword: (ids, password) => engine.setPassword(ids, password),
      open: (id, reveal) =>
        openTransferFile(
          {
            localFile: (transfer) => engine.localFile(transfer),
            downloadLink: (transfer) => {
              const view = engine.get(transfer)
              return view?.kind === 'download' ? (view.link ?? view.source) : null
            },
          },
          options.fileOpener ?? noFileOpener,
          id,
          reveal,
          { dialogs, platform: options.app.platform },
        ),
      on: (event, listener) => engine.on(event, listener),
    },
    api: client,
    dialogs: grantingDialogs(dialogs, grants),
    serverFiles: options.serverFiles ?? noServerFiles,
  })
  engine.start()

  return {
    service,
    settings,
    account,
    client,
    engine,
    history,
    altSpeed,
    async close() {
      unsubscribeSettings()
      unsubscribeAltSpeed()
      altSpeed.close()
      unsubscribeAccount()
      unsubscribeHistory()
      unsubscribeMark()
      service.dispose()
      await engine.close()
      await Promise.all([store.close(), history.close()])
      client.close()
    },
  }
}
