import { ApiKey } from '../../../shared/model/account'
import type { AccountInfo, AccountState, Offer } from '../../../shared/model/account'
import { FichierError } from '../fichier/fichier-error'
import type { FichierClient } from '../fichier/fichier-client'
import type { UserInfo } from '../fichier/wire-schemas'
import { TypedEmitter } from '../lib/typed-emitter'
import type { SecretsPort } from './secrets-port'

/** What the account needs from the API client. */
export type AccountApi = Pick<FichierClient, 'userInfo'>

const OFFERS: Record<number, Offer> = { 0: 'free', 1: 'premium', 2: 'access', 3: 'premium' }

export function toAccountInfo(info: UserInfo): AccountInfo {
  const nonNegative = (n: number | null): number | null => (n === null || n < 0 ? null : n)
  return {
    email: info.email,
    offer: info.offer === null ? 'unknown' : (OFFERS[info.offer] ?? 'unknown'),
    subscriptionEnd: info.subscriptionEnd,
    hotStorage: nonNegative(info.hotStorage),
    coldStorage: nonNegative(info.coldStorage),
    availableColdStorage: nonNegative(info.availableColdStorage),
    cdnCredits: info.cdnCredits,
    useCdn: info.useCdn,
    uploadForbidden: info.uploadForbidden,
    overQuota: info.overQuota,
  }
}

/**
 * The API key and the account behind it. The key goes to the API client (`getKey`) and to the
 * secrets port, never into AccountState.
 */
export class AccountService {
  readonly #events = new TypedEmitter<{ changed: AccountState }>()
  #key: string | null | undefined
  #account: AccountInfo | null = null
  #checkedAt: number | null = null

  constructor(
    private readonly secrets: SecretsPort,
    private readonly api: AccountApi,
    private readonly now: () => number = Date.now,
  ) {}

  on(event: 'changed', listener: (state: AccountState) => void): () => void {
    return this.#events.on(event, listener)
  }

  /** The key for API calls, or null. */
  async getKey(): Promise<string | null> {
    if (this.#key === undefined) this.#key = await this.secrets.load()
    return this.#key
  }

  /** The account as the renderer may see it; reads 1fichier at most once per 5 minutes. */
  async status(): Promise<AccountState> {
    const key = await this.getKey()
    if (key) {
      try {
        this.#remember(await this.api.userInfo())
      } catch (error) {
        if (error instanceof FichierError && error.code === 'AUTH_INVALID_KEY') {
          this.#account = null
          this.#checkedAt = this.now()
        }
        // Otherwise (rate limit, network) the last known account stands.
      }
    }
    return this.#state()
  }

  /**
   * Checks `key` with 1fichier, then stores it; invalid keys are refused. A free account's key is
   * kept (listings and uploads work; downloads say what they need). When 1fichier will not answer
   * user/info right now (`#38`: once per 5 minutes, or a flood pause), the key is kept unchecked, as
   * JDownloader does, and checked on a later status read.
   */
  async setKey(key: string, persist: 'encrypted' | 'session'): Promise<AccountState> {
    const parsed = ApiKey.safeParse(key)
    if (!parsed.success) {
      throw new FichierError(
        'AUTH_INVALID_KEY',
        parsed.error.issues[0]?.message ?? 'This is not a 1fichier API key.',
      )
    }
    const info = await this.api.userInfo({ key: parsed.data }).catch((error: unknown) => {
      if (error instanceof FichierError && ['RATE_LIMITED', 'FLOOD_LOCKED'].includes(error.code)) return null
      throw error
    })
    await this.secrets.save(parsed.data, persist)
    this.#key = parsed.data
    if (info) this.#remember(info)
    else {
      this.#account = null
      this.#checkedAt = null
    }
    return this.#changed()
  }

  async clearKey(): Promise<AccountState> {
    await this.secrets.clear()
    this.#key = null
    this.#account = null
    this.#checkedAt = null
    return this.#changed()
  }

  #remember(info: UserInfo & { cachedAt: number | null }): void {
    this.#account = toAccountInfo(info)
    this.#checkedAt = info.cachedAt ?? this.now()
  }

  #changed(): AccountState {
    const state = this.#state()
    this.#events.emit('changed', state)
    return state
  }

  #state(): AccountState {
    return {
      hasKey: Boolean(this.#key),
      storage: this.#key ? this.secrets.storage() : 'none',
      encryptionAvailable: this.secrets.encryptionAvailable(),
      account: this.#key ? this.#account : null,
      checkedAt: this.#key ? this.#checkedAt : null,
    }
  }
}
