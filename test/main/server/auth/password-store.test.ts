import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { hasPassword, PASSWORD_FILE, setServerPassword } from '../../../../src/main/server/auth'
import { readPasswordRecord, verifyPassword } from '../../../../src/main/server/auth/password-store'

let stateDir: string | undefined

afterEach(async () => {
  if (stateDir) await rm(stateDir, { recursive: true, force: true })
  stateDir = undefined
})

describe('server password store', () => {
  it('writes a 0600 file holding a salted scrypt hash and its parameters, never the password', async () => {
    stateDir = join(await mkdtemp(join(tmpdir(), 'fd-pw-')), 'state')
    expect(await hasPassword(stateDir)).toBe(false)
    await setServerPassword(stateDir, 'opensesame-42')
    expect(await hasPassword(stateDir)).toBe(true)

    const file = join(stateDir, PASSWORD_FILE)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect((await stat(stateDir)).mode & 0o777).toBe(0o700)
    const text = await readFile(file, 'utf8')
    expect(text).not.toContain('opensesame')
    expect(text).not.toContain(Buffer.from('opensesame-42').toString('base64'))
    expect(text).not.toContain(Buffer.from('opensesame-42').toString('hex'))
    const stored = JSON.parse(text) as Record<string, unknown>
    expect(stored).toMatchObject({
      version: 1,
      kdf: 'scrypt',
      params: { N: 2 ** 15, r: 8, p: 1, keyLength: 32 },
    })
    // No temporary file is left beside it.
    expect(await readdir(stateDir)).toEqual([PASSWORD_FILE])
  })

  it('salts every hash: the same password set twice is stored differently', async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'fd-pw-'))
    await setServerPassword(stateDir, 'opensesame-42')
    const first = await readPasswordRecord(stateDir)
    await setServerPassword(stateDir, 'opensesame-42')
    const second = await readPasswordRecord(stateDir)
    expect(second?.salt).not.toBe(first?.salt)
    expect(second?.hash).not.toBe(first?.hash)
  })

  it('verifies the password it was given and no other, whatever the Unicode form it is typed in', async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'fd-pw-'))
    await setServerPassword(stateDir, 'mot de passe élevé')
    const record = await readPasswordRecord(stateDir)
    if (!record) throw new Error('no record')
    expect(await verifyPassword(record, 'mot de passe élevé')).toBe(true)
    expect(await verifyPassword(record, 'mot de passe élevé'.normalize('NFD'))).toBe(true)
    expect(await verifyPassword(record, 'mot de passe eleve')).toBe(false)
    expect(await verifyPassword(record, 'mot de passe élevé ')).toBe(false)
    expect(await verifyPassword(record, '')).toBe(false)
  })

  it('refuses a password that is too short or too long with a clear error, and stores nothing', async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'fd-pw-'))
    await expect(setServerPassword(stateDir, 'short')).rejects.toMatchObject({
      code: 'PASSWORD_TOO_SHORT',
      message: 'The password is too short (5 characters): use at least 10.',
    })
    await expect(setServerPassword(stateDir, 'x'.repeat(1025))).rejects.toMatchObject({
      code: 'PASSWORD_TOO_LONG',
    })
    expect(await hasPassword(stateDir)).toBe(false)
  })
})
