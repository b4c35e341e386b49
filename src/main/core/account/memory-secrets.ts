import type { KeyStorage } from '../../../shared/model/account'
import { AppError } from '../lib/app-error'
import type { SecretsPort } from './secrets-port'

/** Keeps the key in memory only (session mode; also a test double that behaves like the real ports). */
export class MemorySecrets implements SecretsPort {
  #key: string | null = null
  #mode: 'encrypted' | 'session' = 'session'

  constructor(private readonly canEncrypt = false) {}

  async load(): Promise<string | null> {
    return this.#key
  }

  async save(key: string, mode: 'encrypted' | 'session'): Promise<void> {
    if (mode === 'encrypted' && !this.canEncrypt) {
      throw new AppError(
        'ENCRYPTION_UNAVAILABLE',
        'This system cannot encrypt the key; keep it for this session only.',
      )
    }
    this.#key = key
    this.#mode = mode
  }

  async clear(): Promise<void> {
    this.#key = null
  }

  encryptionAvailable(): boolean {
    return this.canEncrypt
  }

  storage(): KeyStorage {
    return this.#key ? this.#mode : 'none'
  }
}
