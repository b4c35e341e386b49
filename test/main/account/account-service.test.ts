import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import {
  chmodSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  existsSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AccountService } from '../../../src/main/core/account/account-service'
import { EnvSecrets } from '../../../src/main/core/account/env-secrets'
import { SafeStorageSecrets } from '../../../src/main/core/account/safe-storage-secrets'
import type { SafeStorageLike, SecretSlot } from '../../../src/main/core/account/safe-storage-secrets'
import { FichierClient } from '../../../src/main/core/fichier/fichier-client'
import { createConfSettingsPort } from '../../../src/main/core/settings/conf-settings-port'
import { SettingsService } from '../../../src/main/core/settings/settings-service'
import { AccountState } from '../../../src/shared/model/account'
import { startEmulator } from '../../emulator'
import { apiCall } from '../../emulator/raw-http'
import type { RunningEmulator } from '../../emulator'

const PREMIUM = 'AccountKeyPremiumAccountKey00001'
const FREE = 'AccountKeyFreeAccountKeyFree0001'

let emulator: RunningEmulator
let dataDir: string
beforeAll(async () => {
  emulator = await startEmulator({
    rateLimits: false,
    keys: [
      { key: PREMIUM, tier: 'premium', email: 'me@example.com' },
      { key: FREE, tier: 'free', email: 'free@example.com' },
    ],
  })
  dataDir = mkdtempSync(join(tmpdir(), 'fichier-account-'))
})
afterAll(async () => {
  await emulator.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

/** A real AES-256-GCM cipher whose key lives only in memory, standing in for the OS keychain. */
function memoryKeychain(backend = 'gnome_libsecret'): SafeStorageLike {
  const secret = randomBytes(32)
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: (text) => {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', secret, iv)
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body])
    },
    decryptString: (data) => {
      const decipher = createDecipheriv('aes-256-gcm', secret, data.subarray(0, 12))
      decipher.setAuthTag(data.subarray(12, 28))
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8')
    },
  }
}

/** A slot kept in a JSON file, as electron-store keeps it. */
function fileSlot(path: string): SecretSlot {
  const read = (): Record<string, string> =>
    existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {}
  return {
    get: () => read()['apiKey'],
    set: (value) => writeFileSync(path, JSON.stringify({ ...read(), apiKey: value })),
    delete: () => {
      const { apiKey: _gone, ...rest } = read()
      writeFileSync(path, JSON.stringify(rest))
    },
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
}

function build(cipher: SafeStorageLike, dir = dataDir) {
  const secrets = new SafeStorageSecrets(cipher, fileSlot(join(dir, 'secrets.json')))
  let account: AccountService | null = null
  const client = new FichierClient({
    baseUrl: emulator.apiUrl,
    getKey: () => account?.getKey() ?? null,
    stateDir: dir,
    callsPerSecond: 50,
  })
  account = new AccountService(secrets, client)
  return { account, client, secrets }
}

describe('AccountService', () => {
  it('validates a key with user/info, stores only its ciphertext, and never puts it in AccountState', async () => {
    const keychain = memoryKeychain()
    const { account, client } = build(keychain)
    new SettingsService(createConfSettingsPort(dataDir)).update({ maxActive: 5 })
    const changes: AccountState[] = []
    const off = account.on('changed', (state) => changes.push(state))

    expect(await account.status()).toEqual({
      hasKey: false,
      storage: 'none',
      encryptionAvailable: true,
      account: null,
      checkedAt: null,
    })
    const state = await account.setKey(`  ${PREMIUM}\n`, 'encrypted')
    expect(state).toMatchObject({
      hasKey: true,
      storage: 'encrypted',
      account: { email: 'me@example.com', offer: 'premium' },
    })
    expect(AccountState.parse(state)).toEqual(state)
    expect(changes).toHaveLength(1)
    expect(await account.getKey()).toBe(PREMIUM)
    expect((await client.folderList(0)).name).toBe('Root')

    const status = await account.status()
    for (const value of [state, status, ...changes]) expect(JSON.stringify(value)).not.toContain(PREMIUM)

    const files = filesUnder(dataDir)
    expect(files.some((path) => path.endsWith('secrets.json'))).toBe(true)
    expect(files.some((path) => path.endsWith('settings.json'))).toBe(true)
    for (const path of files) {
      const bytes = readFileSync(path)
      expect(bytes.includes(PREMIUM)).toBe(false)
      expect(bytes.includes(Buffer.from(PREMIUM).toString('base64'))).toBe(false)
    }

    // A restart with the same keychain reads the key back.
    const again = build(keychain).account
    expect(await again.getKey()).toBe(PREMIUM)
    expect((await again.status()).storage).toBe('encrypted')

    off()
    await account.clearKey()
    expect(changes).toHaveLength(1)
    expect(await build(keychain).account.getKey()).toBeNull()
    client.close()
  })

  it('refuses a malformed or wrong key and stores nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fichier-account-refused-'))
    try {
      const { account, client } = build(memoryKeychain(), dir)
      await expect(account.setKey('short', 'encrypted')).rejects.toMatchObject({ code: 'AUTH_INVALID_KEY' })
      await expect(account.setKey('WrongKeyWrongKeyWrongKeyWrong001', 'encrypted')).rejects.toMatchObject({
        code: 'AUTH_INVALID_KEY',
      })
      expect((await account.status()).hasKey).toBe(false)
      expect(existsSync(join(dir, 'secrets.json'))).toBe(false)
      client.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('without real encryption (basic_text) accepts only session mode and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fichier-account-session-'))
    try {
      const { account, client } = build(memoryKeychain('basic_text'), dir)
      expect((await account.status()).encryptionAvailable).toBe(false)
      await expect(account.setKey(PREMIUM, 'encrypted')).rejects.toMatchObject({
        code: 'ENCRYPTION_UNAVAILABLE',
      })
      const state = await account.setKey(PREMIUM, 'session')
      expect(state).toMatchObject({ hasKey: true, storage: 'session', encryptionAvailable: false })
      for (const path of filesUnder(dir)) expect(readFileSync(path).includes(PREMIUM)).toBe(false)
      client.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('keeps a free account’s key: listings work, a download says what it needs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fichier-account-free-'))
    try {
      const { account, client } = build(memoryKeychain(), dir)
      const state = await account.setKey(FREE, 'encrypted')
      expect(state).toMatchObject({ hasKey: true, account: { offer: 'free' } })
      await expect(client.folderList(0)).resolves.toMatchObject({ folderId: 0 })
      const file = await emulator.control.createFile({ key: PREMIUM, name: 'wanted.bin', content: 'w' })
      const refused = await client.downloadToken(file.url).catch((e: unknown) => e)
      expect(refused).toMatchObject({ code: 'NOT_CUSTOMER', retriable: false })
      expect((refused as Error).message).toMatch(/Premium or Access/)
      client.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('keeps a key whose user/info is refused for now (#38) and checks it later', async () => {
    const limited = await startEmulator({
      rateLimits: { perSecond: 100 },
      keys: [{ key: PREMIUM, tier: 'premium', email: 'me@example.com' }],
    })
    const dir = mkdtempSync(join(tmpdir(), 'fichier-account-38-'))
    try {
      const secrets = new SafeStorageSecrets(memoryKeychain(), fileSlot(join(dir, 'secrets.json')))
      // Another program read user/info a moment ago: 1fichier answers #38 for 5 minutes.
      expect((await apiCall(limited.apiUrl, 'user/info.cgi', {}, PREMIUM)).status).toBe(200)
      let account: AccountService | null = null
      const client = new FichierClient({
        baseUrl: limited.apiUrl,
        getKey: () => account?.getKey() ?? null,
        stateDir: join(dir, 'b'),
      })
      account = new AccountService(secrets, client)
      const state = await account.setKey(PREMIUM, 'encrypted')
      expect(state).toMatchObject({ hasKey: true, account: null, checkedAt: null })
      expect(await secrets.load()).toBe(PREMIUM)
      client.close()
    } finally {
      await limited.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('reports a revoked key as no account', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fichier-account-revoked-'))
    try {
      const { account, client, secrets } = build(memoryKeychain(), dir)
      await secrets.save('RevokedKeyRevokedKeyRevokedKey01', 'encrypted')
      expect(await account.status()).toMatchObject({ hasKey: true, account: null })
      await expect(client.userInfo({ refresh: true })).rejects.toMatchObject({ code: 'AUTH_INVALID_KEY' })
      client.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('EnvSecrets (command line)', () => {
  it('reads FICHIER_API_KEY, or a key file only its owner can read', async () => {
    expect(await new EnvSecrets({ env: { FICHIER_API_KEY: ` ${PREMIUM} ` } }).load()).toBe(PREMIUM)
    expect(await new EnvSecrets({ env: {} }).load()).toBeNull()

    const dir = mkdtempSync(join(tmpdir(), 'fichier-keyfile-'))
    try {
      const path = join(dir, 'key')
      writeFileSync(path, `${FREE}\n`)
      chmodSync(path, 0o644)
      const open = new EnvSecrets({ env: { FICHIER_API_KEY: PREMIUM }, keyFile: path, platform: 'linux' })
      await expect(open.load()).rejects.toMatchObject({
        code: 'KEY_FILE_UNSAFE',
        message: expect.stringContaining('chmod 600'),
      })
      chmodSync(path, 0o600)
      const owned = new EnvSecrets({ env: { FICHIER_API_KEY: PREMIUM }, keyFile: path, platform: 'linux' })
      expect(await owned.load()).toBe(FREE)
      expect(owned.storage()).toBe('session')
      await expect(owned.save(PREMIUM, 'encrypted')).rejects.toMatchObject({ code: 'ENCRYPTION_UNAVAILABLE' })
      await owned.clear()
      expect(await owned.load()).toBeNull()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
