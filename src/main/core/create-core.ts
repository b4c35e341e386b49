import { join } from 'node:path'
import { AccountService } from './account/account-service'
import type { SecretsPort } from './account/secrets-port'
import { DEFAULT_API_BASE_URL, FichierClient, type FichierClientOptions } from './fichier/fichier-client'
import { systemClock, type Clock } from './lib/clock'
import { QueueStore } from './queue/queue-store'
import { TransferHistory } from './history/transfer-history'
import { RemoteService } from './remote/remote-service'
import { scriptedDialogs, type DialogsPort } from './dialogs-port'
import { noFileOpener, type FileOpenerPort } from './file-opener-port'
import { openTransferFile } from './transfers/open-transfer-file'
import { createService, type Service } from './service'
import { SettingsService } from './settings/settings-service'
import type { SettingsPort } from './settings/settings-port'
import { TransferEngine, type EngineOptions, type EngineSettings } from './transfers/engine'
import { createFichierTransferApi } from './transfers/fichier-transfer-api'
import { TransferRecord } from './transfers/transfer-record'
import type { Settings } from '../../shared/model/settings'
import type { TransferView } from '../../shared/model/transfer'

export interface CoreOptions {
  /** Where the queue journal and the API pause memory live. */
  dataDir: string
  /** Used when the download folder setting is empty. */
  defaultDownloadsDir: string
  secrets: SecretsPort
  settingsPort: SettingsPort
  /** Native dialogs; without them the folder picker answers "cancelled". */
  dialogs?: DialogsPort
  /** Opens local files on the desktop; without it, opening says it needs the desktop app. */
  fileOpener?: FileOpenerPort
  app: { version: string; platform: string }
  env: Record<string, string | undefined>
  log: (message: string) => void
  clock?: Clock
  /** Tuning for tests and benchmarks (pacing, caches, retries). */
  client?: Partial<FichierClientOptions>
  engine?: Partial<Pick<EngineOptions, 'maxAttempts' | 'progressIntervalMs' | 'minSegment' | 'remotePollMs'>>
}

export interface Core {
  service: Service
  settings: SettingsService
  account: AccountService
  client: FichierClient
  engine: TransferEngine
  history: TransferHistory
  close(): Promise<void>
}

export function engineSettings(settings: Settings, defaultDownloadsDir: string): EngineSettings {
  return {
    downloadDir: settings.downloadDir || defaultDownloadsDir,
    maxActive: settings.maxActive,
    connectionsPerFile: settings.connectionsPerFile,
    accountConnections: settings.accountConnections,
    downloadLimit: settings.downloadLimit,
    uploadLimit: settings.uploadLimit,
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
  const settings = new SettingsService(options.settingsPort)
  let account: AccountService | null = null
  const client = new FichierClient({
    baseUrl: settings.get().apiBaseUrl || options.env['FICHIER_API_URL'] || DEFAULT_API_BASE_URL,
    getKey: () => account?.getKey() ?? null,
    clock,
    stateDir: options.dataDir,
    ...options.client,
  })
  account = new AccountService(options.secrets, client, () => clock.now())

  const { store, items, report } = await QueueStore.open(join(options.dataDir, 'queue'), {
    schema: TransferRecord,
    clock,
    onCorrupt: (problem) => options.log(`queue: ${JSON.stringify(problem)}`),
  })
  if (report.problems.length > 0)
    options.log(`queue: loaded with ${report.problems.length} problem(s) repaired`)

  const engine = new TransferEngine({
    store,
    records: items,
    api: createFichierTransferApi(client),
    clock,
    settings: engineSettings(settings.get(), options.defaultDownloadsDir),
    log: options.log,
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
  const unsubscribeSettings = settings.on('changed', (next) =>
    engine.updateSettings(engineSettings(next, options.defaultDownloadsDir)),
  )

  // Nothing starts without a key; a key set (or replaced) releases the queue.
  engine.setHold((await account.getKey()) ? null : 'NO_KEY')
  const unsubscribeAccount = account.on('changed', (state) => engine.setHold(state.hasKey ? null : 'NO_KEY'))

  const service = createService({
    app: options.app,
    settings,
    account,
    remote: new RemoteService(client),
    history,
    transfers: {
      list: () => engine.list(),
      add: (request) => engine.add(request),
      pause: (selection) => engine.pause(selection),
      resume: (selection) => engine.resume(selection),
      cancel: (selection) => engine.cancel(selection),
      remove: (selection) => engine.remove(selection),
      reorder: (request) => engine.reorder(request),
      open: (id, reveal) => openTransferFile(engine, options.fileOpener ?? noFileOpener, id, reveal),
      on: (event, listener) => engine.on(event, listener),
    },
    api: client,
    dialogs: options.dialogs ?? scriptedDialogs(null),
  })
  engine.start()

  return {
    service,
    settings,
    account,
    client,
    engine,
    history,
    async close() {
      unsubscribeSettings()
      unsubscribeAccount()
      unsubscribeHistory()
      service.dispose()
      await engine.close()
      await Promise.all([store.close(), history.close()])
      client.close()
    },
  }
}
