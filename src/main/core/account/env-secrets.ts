import { readFile, stat } from 'node:fs/promises'
import type { KeyStorage } from '../../../shared/model/account'
import { AppError } from '../lib/app-error'
import type { SecretsPort } from './secrets-port'

export interface EnvSecretsOptions {
  /** Usually `process.env`; `FICHIER_API_KEY` is read from it. */
  env: Record<string, string | undefined>
  /** `--key-file`: takes precedence over the environment; refused when group or others may read it. */
  keyFile?: string | undefined
  platform?: NodeJS.Platform
}

/** The CLI's key: `--key-file`, else `FICHIER_API_KEY`, else one set for this run. Never written anywhere. */
export class EnvSecrets implements SecretsPort {
  #session: string | null = null
  #cleared = false
  #loaded: string | null = null

  constructor(private readonly options: EnvSecretsOptions) {}

  async load(): Promise<string | null> {
    if (this.#session) return this.#session
    if (this.#cleared) return null
    this.#loaded = this.options.keyFile
      ? await readKeyFile(this.options.keyFile, this.options.platform ?? process.platform)
      : null
    this.#loaded ??= this.options.env['FICHIER_API_KEY']?.trim() || null
    return this.#loaded
  }

  async save(key: string, mode: 'encrypted' | 'session'): Promise<void> {
    if (mode === 'encrypted') {
      throw new AppError(
        'ENCRYPTION_UNAVAILABLE',
        'The command line does not store keys: use FICHIER_API_KEY or --key-file (a file only you can read).',
      )
    }
    this.#session = key
    this.#cleared = false
  }

  async clear(): Promise<void> {
    this.#session = null
    this.#loaded = null
    this.#cleared = true
  }

  encryptionAvailable(): boolean {
    return false
  }

  storage(): KeyStorage {
    return this.#session || this.#loaded ? 'session' : 'none'
  }
}

/** Reads a key file, refusing one that group or others can read (like ssh does for private keys). */
export async function readKeyFile(
  path: string,
  platform: NodeJS.Platform = process.platform,
): Promise<string> {
  let mode: number
  try {
    mode = (await stat(path)).mode
  } catch (error) {
    throw new AppError('KEY_FILE_UNREADABLE', `Cannot read the key file ${path}.`, { cause: error })
  }
  if (platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new AppError(
      'KEY_FILE_UNSAFE',
      `The key file ${path} can be read by other users (mode ${(mode & 0o777).toString(8)}). Run: chmod 600 ${path}`,
    )
  }
  const key = (await readFile(path, 'utf8')).trim()
  if (!key) throw new AppError('KEY_FILE_UNREADABLE', `The key file ${path} is empty.`)
  return key
}
