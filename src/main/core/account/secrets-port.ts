import type { KeyStorage } from '../../../shared/model/account'

/** Where the API key lives; the shell provides the OS keychain, the CLI the environment or a key file. */
export interface SecretsPort {
  load(): Promise<string | null>
  /** `encrypted`: kept across restarts, encrypted by the OS; `session`: in memory until exit. */
  save(key: string, mode: 'encrypted' | 'session'): Promise<void>
  clear(): Promise<void>
  /** Whether the OS offers real encryption (false on Linux without a keyring: `basic_text`). */
  encryptionAvailable(): boolean
  storage(): KeyStorage
}
