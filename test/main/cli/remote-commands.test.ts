import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LinkOutput, MkdirOutput, MvOutput, RenameOutput, RmOutput } from '../../../src/main/cli/json-output'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { runCli } from './cli-process'

const KEY = 'RmCliKeyRmCliKeyRmCliKeyRmCliK01'

let emulator: RunningEmulator
let work: string

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
  work = await mkdtemp(join(tmpdir(), 'fd-cli-remote-'))
})

afterAll(async () => {
  await emulator.stop()
  await rm(work, { recursive: true, force: true })
})

async function fichier(...args: string[]): Promise<unknown> {
  const run = await runCli([...args, '--json', '--state-dir', join(work, 'state')], {
    env: { FICHIER_API_URL: emulator.apiUrl, FICHIER_API_KEY: KEY },
  })
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  return JSON.parse(run.stdout)
}

describe('fichier remote commands', () => {
  it('creates, shares, renames, moves and deletes by remote path', async () => {
    const file = await emulator.control.createFile({ key: KEY, name: 'dump.sql', content: 'select 1;\n' })

    const made = MkdirOutput.parse(await fichier('mkdir', '/archive/2026'))
    expect(made.path).toBe('/archive/2026')
    const folders = emulator.control.listFolders(KEY)
    const archive = folders.find((folder) => folder.name === 'archive')!
    expect(folders.find((folder) => folder.id === made.folderId)).toMatchObject({
      name: '2026',
      parentId: archive.id,
    })

    const shared = LinkOutput.parse(await fichier('link', '/archive'))
    expect(shared).toMatchObject({ type: 'folder', path: '/archive' })
    expect(emulator.control.listFolders(KEY).find((folder) => folder.id === archive.id)?.sharedUrl).toBe(
      shared.url,
    )

    expect(RenameOutput.parse(await fichier('rename', '/dump.sql', 'db.sql'))).toEqual({
      command: 'rename',
      path: '/dump.sql',
      type: 'file',
      newName: 'db.sql',
    })
    const moved = MvOutput.parse(await fichier('mv', '/db.sql', '/archive/2026'))
    expect(moved).toMatchObject({
      destinationId: made.folderId,
      moved: [{ path: '/db.sql', type: 'file' }],
      failed: [],
    })
    expect(emulator.control.listFiles(KEY).find((entry) => entry.id === file.id)).toMatchObject({
      name: 'db.sql',
      folderId: made.folderId,
    })

    const link = LinkOutput.parse(await fichier('link', '/archive/2026/db.sql'))
    expect(link).toMatchObject({ type: 'file', url: file.url })

    const removed = RmOutput.parse(await fichier('rm', '/archive/2026/db.sql', '/archive/2026'))
    expect(removed.removed).toEqual([
      { path: '/archive/2026/db.sql', type: 'file' },
      { path: '/archive/2026', type: 'folder' },
    ])
    expect(emulator.control.listFiles(KEY)).toEqual([])
    expect(emulator.control.listFolders(KEY).some((folder) => folder.name === '2026')).toBe(false)
  }, 60_000)
})
