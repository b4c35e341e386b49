import { z } from 'zod'

export const Offer = z.enum(['free', 'premium', 'access', 'unknown'])
export type Offer = z.infer<typeof Offer>

/** What the renderer may know of the account. The key itself never appears here. */
export const AccountInfo = z.object({
  email: z.string(),
  offer: Offer,
  subscriptionEnd: z.string().nullable(),
  hotStorage: z.number().nonnegative().nullable(),
  coldStorage: z.number().nonnegative().nullable(),
  availableColdStorage: z.number().nonnegative().nullable(),
  cdnCredits: z.number().nullable(),
  useCdn: z.boolean(),
  uploadForbidden: z.boolean(),
  overQuota: z.boolean(),
})
export type AccountInfo = z.infer<typeof AccountInfo>

/** `encrypted`: stored with the OS keychain. `session`: in memory until the app quits. */
export const KeyStorage = z.enum(['encrypted', 'session', 'none'])
export type KeyStorage = z.infer<typeof KeyStorage>

export const AccountState = z.object({
  hasKey: z.boolean(),
  storage: KeyStorage,
  /** Whether the OS offers real encryption for secrets (false on Linux without a keyring). */
  encryptionAvailable: z.boolean(),
  account: AccountInfo.nullable(),
  /** When `account` was last read from 1fichier (epoch ms); 1fichier allows one read per 5 minutes. */
  checkedAt: z.number().nullable(),
})
export type AccountState = z.infer<typeof AccountState>

/** A 1fichier API key: 32 characters of `[A-Za-z0-9_=-]`, case sensitive. Whitespace around a paste is trimmed. */
export const ApiKey = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9_=-]{32}$/,
    'An API key is 32 letters, digits, "-", "_" or "=" (see 1fichier.com/console/params.pl)',
  )
