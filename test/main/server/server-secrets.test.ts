import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ServerSecrets, SERVER_KEY_FILE } from '../../../src/main/server/server-secrets'

const KEY = 'StoredKeyStoredKeyStoredKeyStor1'
const GIVEN = 'GivenKeyGivenKeyGivenKeyGivenKe1'

let stateDir: string

beforeEach(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'fd-server-secrets-'))
})
afterEach(async () => {
  await rm(stateDir, { recursive: true, force: true })
})

describe('the key of fichier serve', () => {
  it('keeps a key set from the Account view in the state folder, mode 0600, across restarts', async () => {
    const first = new ServerSecrets({ stateDir, env: {} })
    expect(await first.load()).toBeNull()
    expect(first.storage()).toBe('none')
    await first.save(KEY, 'encrypted')
    const path = join(stateDir, SERVER_KEY_FILE)
    expect((await stat(path)).mode & 0o777).toBe(0o600)
    expect((await readFile(path, 'utf8')).trim()).toBe(KEY)

    const restarted = new ServerSecrets({ stateDir, env: {} })
    expect(await restarted.load()).toBe(KEY)
    expect(restarted.storage()).toBe('encrypted')
    await restarted.clear()
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' })
    expect(await new ServerSecrets({ stateDir, env: {} }).load()).toBeNull()
  })

  it('lets FICHIER_API_KEY win at start, and keeps a session-only key off the disk', async () => {
    await new ServerSecrets({ stateDir, env: {} }).save(KEY, 'encrypted')
    const given = new ServerSecrets({ stateDir, env: { FICHIER_API_KEY: GIVEN } })
    expect(await given.load()).toBe(GIVEN)
    expect(given.storage()).toBe('session')
    await given.save(KEY, 'session')
    expect(await given.load()).toBe(KEY)
    await expect(stat(join(stateDir, SERVER_KEY_FILE))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('refuses a stored key file that others can read', async () => {
    await writeFile(join(stateDir, SERVER_KEY_FILE), KEY, { mode: 0o644 })
    await expect(new ServerSecrets({ stateDir, env: {} }).load()).rejects.toMatchObject({
      code: 'KEY_FILE_UNSAFE',
    })
  })
})
