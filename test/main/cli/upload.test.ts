import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LsOutput, MkdirOutput, UploadOutput } from '../../../src/main/cli/json-output'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { runCli } from './cli-process'

const KEY = 'UpCliKeyUpCliKeyUpCliKeyUpCliK01'

let emulator: RunningEmulator
let work: string
let env: Record<string, string>
const contents = new Map<string, Buffer>()

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
  work = await mkdtemp(join(tmpdir(), 'fd-cli-up-'))
  env = { FICHIER_API_URL: emulator.apiUrl, FICHIER_API_KEY: KEY }
  const files: Record<string, Buffer> = {
    'site/index.html': Buffer.from('<h1>hello</h1>\n'),
    'site/css/a.css': Buffer.from('body { color: red }\n'),
    'site/img/deep/x.bin': randomBytes(200_000),
    'notes.txt': Buffer.from('nightly notes\n'),
  }
  for (const [path, data] of Object.entries(files)) {
    await mkdir(join(work, 'local', path, '..'), { recursive: true })
    await writeFile(join(work, 'local', path), data)
    contents.set(path.split('/').pop()!, data)
  }
})

afterAll(async () => {
  await emulator.stop()
  await rm(work, { recursive: true, force: true })
})

describe('fichier upload', () => {
  it('uploads a folder tree and a file, reusing existing remote folders, and prints their links as JSON', async () => {
    const backups = emulator.control.createFolder({ key: KEY, name: 'backups' })
    const args = [
      'upload',
      join(work, 'local', 'site'),
      join(work, 'local', 'notes.txt'),
      '--to',
      '/backups/web',
      '--password',
      'secret123',
    ]
    const first = await runCli([...args, '--json', '--state-dir', join(work, 'state')], { env })
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    const result = UploadOutput.parse(JSON.parse(first.stdout))
    expect(result.to).toBe('/backups/web')
    expect(result.failed).toBe(0)
    expect(result.items.map((item) => [item.name, item.folder, item.status]).sort()).toEqual([
      ['a.css', 'site/css', 'completed'],
      ['index.html', 'site', 'completed'],
      ['notes.txt', '', 'completed'],
      ['x.bin', 'site/img/deep', 'completed'],
    ])

    // The tree exists once on 1fichier, under the folder that was already there.
    const folders = emulator.control.listFolders(KEY)
    const path = (id: number): string => {
      const folder = folders.find((candidate) => candidate.id === id)
      return !folder || folder.id === 0 || folder.parentId === undefined
        ? ''
        : `${path(folder.parentId)}/${folder.name}`
    }
    expect(folders.filter((folder) => folder.name === 'backups').map((folder) => folder.id)).toEqual([
      backups.id,
    ])
    const remoteFiles = emulator.control.listFiles(KEY)
    for (const item of result.items) {
      const remote = remoteFiles.find((file) => file.url === item.link)
      expect(remote, item.name).toBeDefined()
      expect(path(remote!.folderId)).toBe(`/backups/web${item.folder ? `/${item.folder}` : ''}`)
      expect(remote!.pass).toBe(true)
      expect(emulator.control.readFile(KEY, remote!.id).equals(contents.get(item.name)!)).toBe(true)
    }

    // Run again (the nightly backup, here without a password): sent again, into the same folders.
    const again = await runCli([...args.slice(0, -2), '--state-dir', join(work, 'state')], { env })
    expect(again.code).toBe(0)
    const lines = again.stdout.trim().split('\n')
    expect(lines).toHaveLength(4)
    for (const line of lines) expect(line).toMatch(/^https:\/\/1fichier\.com\/\?\w+ {2}\//)
    expect(emulator.control.listFolders(KEY)).toHaveLength(folders.length)
    expect(emulator.control.listFiles(KEY)).toHaveLength(8)

    const listing = await runCli(
      ['ls', '/backups', '--recursive', '--json', '--state-dir', join(work, 'state')],
      { env },
    )
    expect(listing.code).toBe(0)
    const ls = LsOutput.parse(JSON.parse(listing.stdout))
    expect(
      ls.entries
        .filter((entry) => entry.type === 'folder')
        .map((entry) => entry.path)
        .sort(),
    ).toEqual([
      '/backups/web',
      '/backups/web/site',
      '/backups/web/site/css',
      '/backups/web/site/img',
      '/backups/web/site/img/deep',
    ])
    expect(ls.entries.filter((entry) => entry.name === 'x.bin').map((entry) => entry.path)).toEqual([
      '/backups/web/site/img/deep/x.bin',
      '/backups/web/site/img/deep/x.bin',
    ])
  }, 60_000)

  it('maps names 1fichier refuses, says so, and finds the folder again by the name given', async () => {
    const local = join(work, 'odd', "it's $5.txt")
    await mkdir(join(work, 'odd'), { recursive: true })
    await writeFile(local, 'five dollars\n')
    const state = join(work, 'state-odd')
    const made = await runCli(['mkdir', '/"quoted" stuff', '--json', '--state-dir', state], { env })
    expect(made.code).toBe(0)
    const folder = MkdirOutput.parse(JSON.parse(made.stdout))
    expect(folder.remotePath).toBe('/＂quoted＂ stuff')
    expect(made.stderr).toMatch(/renamed {2}"quoted" stuff: Named “＂quoted＂ stuff” on 1fichier/)

    const sent = await runCli(['upload', local, '--to', '/"quoted" stuff', '--json', '--state-dir', state], {
      env,
    })
    expect(sent.code).toBe(0)
    const result = UploadOutput.parse(JSON.parse(sent.stdout))
    expect(result.folderId).toBe(folder.folderId)
    expect(result.items[0]).toMatchObject({
      name: "it's $5.txt",
      remoteName: 'it＇s ＄5.txt',
      status: 'completed',
    })
    expect(sent.stderr).toContain("renamed  it's $5.txt: Named “it＇s ＄5.txt” on 1fichier")
    const remote = emulator.control.listFiles(KEY).find((file) => file.url === result.items[0]?.link)
    expect(remote?.name).toBe('it＇s ＄5.txt')
    expect(emulator.control.listFolders(KEY).filter((f) => f.name.includes('quoted'))).toHaveLength(1)
  }, 60_000)
})
