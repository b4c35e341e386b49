import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUDGET_FILE, FileBudgetStore } from '../../../src/main/core/fichier/file-budget-store'
import { defaultKeysDir, keyBudgetName } from '../../../src/main/core/fichier/key-budget-dir'

const CHILD = fileURLToPath(new URL('./budget-child.ts', import.meta.url))
const TSX = new URL('../../../node_modules/tsx/dist/loader.mjs', import.meta.url).href

let work: string
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'fd-budget-'))
})
afterAll(() => rm(work, { recursive: true, force: true }))

const runChild = (dir: string, count: number): Promise<number | null> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, CHILD, dir, String(count)], { stdio: 'inherit' })
    child.once('error', reject)
    child.once('close', resolve)
  })

describe('the shared key budget file', () => {
  it('loses no change when several processes change it at once', async () => {
    const dir = join(work, 'race')
    const store = new FileBudgetStore(dir)
    const mine = Promise.all(
      Array.from({ length: 20 }, () =>
        store.update((state) => {
          state.strikes += 1
        }),
      ),
    )
    const codes = await Promise.all([runChild(dir, 40), runChild(dir, 40), mine])
    expect(codes.slice(0, 2)).toEqual([0, 0])
    const state = await store.read()
    expect(state.strikes).toBe(100)
    expect(Object.keys(state.listings)).toHaveLength(2)
    // Only the state file is left: no lock, no temporary file.
    expect(await readdir(dir)).toEqual([BUDGET_FILE])
  }, 60_000)

  it('keeps a damaged file aside and starts afresh, never failing the call', async () => {
    const dir = join(work, 'damaged')
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, BUDGET_FILE), '{"version":1,"lastGr')
    const store = new FileBudgetStore(dir)
    expect(await store.update((state) => state.strikes)).toBe(0)
    const files = await readdir(dir)
    const aside = files.find((name) => name.startsWith(`${BUDGET_FILE}.corrupt-`))
    expect(aside).toBeDefined()
    expect(await readFile(join(dir, aside!), 'utf8')).toBe('{"version":1,"lastGr')
  })

  it('lives in a per-user folder named by a hash, never by the key', () => {
    const key = 'SecretKeySecretKeySecretKey00001'
    const name = keyBudgetName('https://api.1fichier.com/v1', key)
    expect(name).toMatch(/^[0-9a-f]{24}$/)
    expect(name).not.toContain(key)
    expect(keyBudgetName('https://api.1fichier.com/v1/', key)).toBe(name)
    expect(keyBudgetName('https://api.1fichier.com/v1', `${key.slice(0, -1)}2`)).not.toBe(name)
    expect(defaultKeysDir({ XDG_STATE_HOME: '/x/state' }, 'linux')).toBe('/x/state/fichier-desk/keys')
    expect(defaultKeysDir({ FICHIER_DESK_KEYS_DIR: '/y', XDG_STATE_HOME: '/x' }, 'linux')).toBe('/y')
  })
})
