import type { KeyStorage } from '../../../shared/model/account'
import { AppError } from '../lib/app-error'
import type { SecretsPort } from './secrets-port'

/** The part of Electron's `safeStorage` the vault needs. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  /** Linux only in Electron; `basic_text` means no real encryption. */
  getSelectedStorageBackend?(): string
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
}

/** One persisted text value (an electron-store entry in the app). */
export interface SecretSlot {
  get(): string | undefined
  set(value: string): void
  delete(): void
}

/**
 * The key encrypted by the OS (`safeStorage`), stored as base64 in a slot; only ciphertext reaches
 * the disk. Without real encryption only session mode is offered.
 */
export class SafeStorageSecrets implements SecretsPort {
  #session: string | null = null

  constructor(
    private readonly cipher: SafeStorageLike,
    private readonly slot: SecretSlot,
  ) {}

  async load(): Promise<string | null> {
    if (this.#session) return this.#session
    const stored = this.slot.get()
    if (!stored || !this.encryptionAvailable()) return null
    try {
      return this.cipher.decryptString(Buffer.from(stored, 'base64'))
    } catch {
      // Encrypted under another OS account or keyring: unusable, ask again.
      return null
    }
  }

  async save(key: string, mode: 'encrypted' | 'session'): Promise<void> {
    if (mode === 'session') {
      this.#session = key
      this.slot.delete()
      return
    }
    if (!this.encryptionAvailable()) {
      throw new AppError(
        'ENCRYPTION_UNAVAILABLE',
        'This system offers no encrypted storage for secrets (no keyring); keep the key for this session only.',
      )
    }
    this.slot.set(this.cipher.encryptString(key).toString('base64'))
    this.#session = null
  }

  async clear(): Promise<void> {
    this.#session = null
    this.slot.delete()
  }

  encryptionAvailable(): boolean {
    if (!this.cipher.isEncryptionAvailable()) return false
    const backend = this.cipher.getSelectedStorageBackend?.()
    return backend !== 'basic_text'
  }

  storage(): KeyStorage {
    if (this.#session) return 'session'
    return this.slot.get() && this.encryptionAvailable() ? 'encrypted' : 'none'
  }
}
