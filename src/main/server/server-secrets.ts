import { randomBytes } from 'node:crypto'
import { rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { KeyStorage } from '../../shared/model/account'
import { EnvSecrets, readKeyFile } from '../core/account/env-secrets'
import type { SecretsPort } from '../core/account/secrets-port'

/** The file, in the state folder, that holds a key set from the Account view. */
export const SERVER_KEY_FILE = 'api-key'

export interface ServerSecretsOptions {
  stateDir: string
  env: Record<string, string | undefined>
  /** `--key-file`: with `FICHIER_API_KEY`, wins over the stored key at start. */
  keyFile?: string | undefined
}

type Source = 'none' | 'given' | 'file' | 'session'

/**
 * The key of `fichier serve`. A headless box has no OS keychain: a key set from the Account view
 * is kept in the state folder in a file only the server's user may read (mode 0600, written
 * atomically), or in memory for this run only. At start, `--key-file` or `FICHIER_API_KEY` wins
 * over the stored one. Never logged, never sent to the browser.
 */
export class ServerSecrets implements SecretsPort {
  readonly path: string
  #given: EnvSecrets
  #key: string | null = null
  #source: Source = 'none'
  #loaded = false

  constructor(private readonly options: ServerSecretsOptions) {
    this.path = join(options.stateDir, SERVER_KEY_FILE)
    this.#given = new EnvSecrets({ env: options.env, keyFile: options.keyFile })
  }

  async load(): Promise<string | null> {
    if (this.#loaded) return this.#key
    const given = await this.#given.load()
    if (given) this.#set(given, 'given')
    else {
      const stored = await readKeyFile(this.path).catch((error: unknown) => {
        if ((error as { cause?: { code?: string } }).cause?.code === 'ENOENT') return null
        throw error
      })
      this.#set(stored, stored ? 'file' : 'none')
    }
    this.#loaded = true
    return this.#key
  }

  async save(key: string, mode: 'encrypted' | 'session'): Promise<void> {
    if (mode === 'encrypted') {
      const temp = `${this.path}.${randomBytes(4).toString('hex')}.tmp`
      try {
        await writeFile(temp, `${key}\n`, { mode: 0o600, flag: 'wx' })
        await rename(temp, this.path)
      } catch (error) {
        await rm(temp, { force: true })
        throw error
      }
    } else await rm(this.path, { force: true })
    this.#set(key, mode === 'encrypted' ? 'file' : 'session')
    this.#loaded = true
  }

  async clear(): Promise<void> {
    await rm(this.path, { force: true })
    this.#set(null, 'none')
    this.#loaded = true
  }

  /** Keys can be kept across restarts (in the state folder), so the Account view offers it. */
  encryptionAvailable(): boolean {
    return true
  }

  storage(): KeyStorage {
    if (this.#source === 'none') return 'none'
    return this.#source === 'file' ? 'encrypted' : 'session'
  }

  #set(key: string | null, source: Source): void {
    this.#key = key
    this.#source = source
  }
}
