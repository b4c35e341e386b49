// Running an interrupted upload again continues it and never sends a file twice; every entry of a
// tree is uploaded or reported; --skip-existing leaves what is already there.
import { randomBytes } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { chmod, chown, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { UploadOutput } from '../../../src/main/cli/json-output'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { runCli, startCli } from './cli-process'

const KEY = 'RerunKeyRerunKeyRerunKeyRerunK01'
const FILES = 10

let emulator: RunningEmulator
let work: string
let env: Record<string, string>

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
  work = await mkdtemp(join(tmpdir(), 'fd-cli-rerun-'))
  env = { FICHIER_API_URL: emulator.apiUrl, FICHIER_API_KEY: KEY }
})

afterAll(async () => {
  await emulator.stop()
  await rm(work, { recursive: true, force: true })
})

async function makeTree(name: string): Promise<string> {
  const root = join(work, name)
  await mkdir(join(root, 'sub'), { recursive: true })
  for (let n = 0; n < FILES; n++)
    await writeFile(join(root, n % 2 ? 'sub' : '', `file-${n}.bin`), randomBytes(64 * 1024))
  return root
}

/** The remote files under the folder named `name` (anywhere), as `folder id/name` keys. */
function remoteNames(): string[] {
  return emulator.control.listFiles(KEY).map((file) => `${file.folderId}/${file.name}`)
}

describe.each(['SIGINT', 'SIGKILL'] as const)('an upload stopped by %s', (signal) => {
  it('continues when run again and sends no file twice', async () => {
    const root = await makeTree(`tree-${signal}`)
    const args = ['upload', root, '--to', `/t-${signal}`, '--jobs', '1', '--limit', '256K']
    const state = ['--state-dir', join(work, `state-${signal}`)]
    const before = remoteNames().length
    const first = startCli([...args, ...state], { env })
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if ((first.output().match(/^https:\S+ {2}\//gm) ?? []).length >= 3) {
          clearInterval(poll)
          resolve()
        }
      }, 50)
    })
    first.child.kill(signal)
    const stopped = await first.done
    if (signal === 'SIGINT') expect(stopped.code).toBe(130)
    const printed = (stopped.stdout.match(/^https:\S+ {2}(\S+)$/gm) ?? []).map((line) => line.split('  ')[1])
    expect(printed.length).toBeGreaterThanOrEqual(3)

    const again = await runCli([...args, '--json', ...state], { env })
    expect(again.code).toBe(0)
    const result = UploadOutput.parse(JSON.parse(again.stdout))
    expect(result.items).toHaveLength(FILES)
    expect(result.failed).toBe(0)
    for (const item of result.items) {
      if (printed.includes(item.path)) expect(item.status).toBe('skipped')
      expect(item.link).toMatch(/^https:/)
    }
    const names = remoteNames().slice(before)
    expect(names).toHaveLength(FILES)
    expect(new Set(names).size).toBe(FILES)
  }, 120_000)
})

describe('a folder with entries that are not plain files', () => {
  it('uploads the rest and reports each such entry by name', async () => {
    const root = join(work, 'odd')
    await mkdir(join(root, 'inner'), { recursive: true })
    await writeFile(join(root, 'plain.txt'), 'plain\n')
    await writeFile(join(root, 'inner', 'deep.txt'), 'deep\n')
    await symlink(join(root, 'plain.txt'), join(root, 'link-to-file.txt'))
    await symlink(join(root, 'inner'), join(root, 'link-to-folder'))
    await symlink(join(root, 'gone'), join(root, 'dangling'))
    execFileSync('mkfifo', [join(root, 'pipe')])
    const run = await runCli(
      ['upload', root, '/dev/zero', '--to', '/odd', '--json', '--state-dir', join(work, 'state-odd')],
      { env },
    )
    expect(run.code).toBe(1)
    const result = UploadOutput.parse(JSON.parse(run.stdout))
    expect(result.items.map((item) => [item.name, item.status]).sort()).toEqual([
      ['deep.txt', 'completed'],
      ['link-to-file.txt', 'completed'],
      ['plain.txt', 'completed'],
    ])
    const reasons = Object.fromEntries(result.rejected.map((line) => [line.line, line.reason]))
    expect(reasons[join(root, 'link-to-folder')]).toMatch(/link to a folder/)
    expect(reasons[join(root, 'dangling')]).toMatch(/points to nothing/)
    expect(reasons[join(root, 'pipe')]).toMatch(/named pipe/)
    expect(reasons['/dev/zero']).toMatch(/device/)
    expect(result.failed).toBe(4)
  }, 60_000)
})

describe('upload --skip-existing', () => {
  it('leaves a file whose name and size are already in the folder', async () => {
    const root = join(work, 'skip')
    await mkdir(root)
    await writeFile(join(root, 'same.txt'), 'same content\n')
    const args = ['upload', join(root, 'same.txt'), '--to', '/skip', '--json']
    const first = await runCli([...args, '--state-dir', join(work, 'state-skip-1')], { env })
    expect(first.code).toBe(0)
    const again = await runCli([...args, '--skip-existing', '--state-dir', join(work, 'state-skip-2')], {
      env,
    })
    expect(again.code).toBe(0)
    const result = UploadOutput.parse(JSON.parse(again.stdout))
    expect(result.items.map((item) => item.status)).toEqual(['skipped'])
    expect(result.skipped).toBe(1)
    expect(emulator.control.listFiles(KEY).filter((file) => file.name === 'same.txt')).toHaveLength(1)
  }, 60_000)
})

describe('a tree with a sub-folder that cannot be read', () => {
  it('reports that sub-folder and uploads the rest', async () => {
    // Permissions do not hold for root: run the command as an unprivileged user where we are root.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}
    const base = join(work, 'locked')
    const root = join(base, 'tree')
    await mkdir(join(root, 'open'), { recursive: true })
    await mkdir(join(root, 'closed'))
    await writeFile(join(root, 'open', 'a.txt'), 'a\n')
    await writeFile(join(root, 'b.txt'), 'b\n')
    await writeFile(join(root, 'closed', 'secret.txt'), 'secret\n')
    if (asUser.uid !== undefined) {
      await chmod(work, 0o755)
      for (const path of [base, root, join(root, 'open'), join(root, 'open', 'a.txt'), join(root, 'b.txt')])
        await chown(path, asUser.uid, asUser.gid)
    }
    await chmod(join(root, 'closed'), 0o000)
    try {
      const run = await runCli(
        ['upload', root, '--to', '/locked', '--json', '--state-dir', join(base, 'state')],
        {
          // Where that user may keep the key's shared API budget.
          env: { ...env, FICHIER_DESK_KEYS_DIR: join(base, 'keys') },
          ...asUser,
        },
      )
      expect(run.code).toBe(1)
      const result = UploadOutput.parse(JSON.parse(run.stdout))
      expect(result.items.map((item) => [item.name, item.status]).sort()).toEqual([
        ['a.txt', 'completed'],
        ['b.txt', 'completed'],
      ])
      expect(result.rejected).toEqual([
        { line: join(root, 'closed'), reason: expect.stringMatching(/cannot be read \(permission denied\)/) },
      ])
    } finally {
      await chmod(join(root, 'closed'), 0o755)
    }
  }, 60_000)
})
