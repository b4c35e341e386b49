import { safeStorage } from 'electron'
import Store from 'electron-store'
import { SafeStorageSecrets } from '../core/account/safe-storage-secrets'
import type { SafeStorageLike, SecretSlot } from '../core/account/safe-storage-secrets'
import type { SecretsPort } from '../core/account/secrets-port'

const FIELD = 'apiKey'

/**
 * The app's key vault: `safeStorage.encryptString` output (base64) in electron-store `secrets.json`.
 * With `basic_text` (Linux without a keyring) or no encryption, only session mode is accepted.
 */
export function createElectronSecrets(): SecretsPort {
  const store = new Store<Record<string, string>>({ name: 'secrets', clearInvalidConfig: false })
  const slot: SecretSlot = {
    get: () => store.get(FIELD),
    set: (value) => store.set(FIELD, value),
    delete: () => store.delete(FIELD),
  }
  const cipher: SafeStorageLike = {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    getSelectedStorageBackend: () =>
      process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os',
    encryptString: (text) => safeStorage.encryptString(text),
    decryptString: (data) => safeStorage.decryptString(data),
  }
  return new SafeStorageSecrets(cipher, slot)
}
