import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { ApiKey } from '../../shared/model/account'
import type { SettingsPatch } from '../../shared/model/settings'
import { EnvSecrets } from '../core/account/env-secrets'
import type { SecretsPort } from '../core/account/secrets-port'
import { createCore, type Core } from '../core/create-core'
import type { BudgetWait } from '../core/fichier/fichier-client'
import { AppError } from '../core/lib/app-error'
import { createConfSettingsPort } from '../core/settings/conf-settings-port'
import { overlaySettingsPort } from './overlay-settings-port'
import { prepareQueue } from './prepare-queue'
import { lockStateDir } from './state-lock'
import { lockWaitingClient } from './lock-waiting-client'
import type { CoreOptions } from '../core/create-core'

export interface CliCoreOptions {
  stateDir: string
  keyFile: string | undefined
  /** Where the key lives when it may be set later (`fichier serve`); without it the key must be given at start. */
  secrets?: SecretsPort
  env: Record<string, string | undefined>
  /** Where downloads go when no folder is given. */
  defaultDownloadsDir: string
  /** Wait out a flood lock (true) or fail at once with FLOOD_LOCKED (false). */
  waitOnLock: boolean
  settings?: SettingsPatch
  /** `fichier serve`: the folders it shares and the files its page may upload (`src/main/server/roots`). */
  served?: Pick<CoreOptions, 'serverFiles' | 'uploadSources'>
  log: (message: string) => void
  /** `--verbose`: every status change of a transfer, with its cause, goes to `log`. */
  verbose: boolean
  /** Told when another command holds the state folder and this one waits for it. */
  onWait: (ownerPid: number) => void
  /** Told when a call waits for the key's API budget (shared with the user's other processes). */
  onBudgetWait?: (wait: BudgetWait) => void
  /** Told when an API call waits for the end of a flood lock (with --wait-on-lock), until when. */
  onLockWait: (until: number) => void
  /** Told when an API call of the command is still unanswered after a few seconds. */
  onSlowCall: (method: string) => void
  signal: AbortSignal
}

export interface CliCore {
  core: Core
  /** The API client for the command's own calls: with --wait-on-lock, each one waits out a flood lock. */
  client: Core['client']
  /** Stops the engine (unfinished items stay in the queue) and releases the state folder. */
  close(): Promise<void>
}

/**
 * The same core as the app, for one command: the key from `--key-file` or `FICHIER_API_KEY` (checked
 * before anything else), the queue and settings in the state folder, locked for this process.
 */
export async function openCliCore(options: CliCoreOptions): Promise<CliCore> {
  const secrets = options.secrets ?? new EnvSecrets({ env: options.env, keyFile: options.keyFile })
  const key = await secrets.load()
  if (!key && !options.secrets) {
    throw new AppError(
      'NO_KEY',
      'No 1fichier API key: set FICHIER_API_KEY, or pass --key-file FILE (a file only you can read).',
    )
  }
  if (key && !ApiKey.safeParse(key).success) {
    throw new AppError(
      'AUTH_INVALID_KEY',
      `The API key ${options.keyFile ? `in ${options.keyFile}` : 'in FICHIER_API_KEY'} is not a 1fichier API key (32 letters, digits, "-", "_" or "=").`,
    )
  }

  await mkdir(options.stateDir, { recursive: true, mode: 0o700 })
  const unlock = await lockStateDir(options.stateDir, { signal: options.signal, onWait: options.onWait })
  try {
    await prepareQueue(options.stateDir, options.log)
    const core = await createCore({
      dataDir: options.stateDir,
      defaultDownloadsDir: options.defaultDownloadsDir,
      secrets,
      settingsPort: overlaySettingsPort(
        createConfSettingsPort(join(options.stateDir, 'settings')),
        options.settings ?? {},
      ),
      app: { version: 'cli', platform: process.platform },
      env: options.env,
      log: options.log,
      ...options.served,
      client: {
        whenPaused: options.waitOnLock ? 'wait' : 'fail',
        ...(options.verbose
          ? {
              onCall: (call) =>
                options.log(
                  `api: ${call.path} ${call.outcome} in ${call.ms} ms${call.attempt > 1 ? ` (attempt ${call.attempt})` : ''}`,
                ),
            }
          : {}),
      },
    })
    const offWait = options.onBudgetWait ? core.client.on('waiting', options.onBudgetWait) : () => undefined
    if (options.verbose) logTransfers(core, options.log)
    let closing: Promise<void> | null = null
    return {
      core,
      client: lockWaitingClient(core.client, {
        signal: options.signal,
        waitOnLock: options.waitOnLock,
        onWait: options.onLockWait,
        onSlow: options.onSlowCall,
      }),
      close: () => (closing ??= core.close().finally(offWait).finally(unlock)),
    }
  } catch (error) {
    await unlock()
    throw error
  }
}

/** Every status change of a transfer, with the error that caused it, for `--verbose`. */
function logTransfers(core: Core, log: (message: string) => void): void {
  const last = new Map<string, string>()
  core.engine.on('changed', (batch) => {
    for (const view of batch.upserts) {
      if (last.get(view.id) === view.status) continue
      last.set(view.id, view.status)
      const why = view.error ? `: ${view.error.code} ${view.error.message}` : ''
      log(
        `transfer: ${view.name} ${view.status}${view.status === 'retrying' ? ` (attempt ${view.attempts})` : ''}${why}`,
      )
    }
  })
}
