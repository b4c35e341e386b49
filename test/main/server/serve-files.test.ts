import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { runCli, startCli, type CliStart } from '../cli/cli-process'
import { openSocket, type TestSocket } from './ws-client'

const KEY = 'ServeFilesKeyServeFilesKeyServ01'

let emulator: RunningEmulator
let work: string
let root: string
let state: string
let cli: CliStart
let url: string
let socket: TestSocket

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
  work = await mkdtemp(join(tmpdir(), 'fd-serve-files-'))
  root = join(work, 'media')
  state = join(work, 'state')
  await mkdir(root)
  await writeFile(join(root, 'on-the-server.txt'), 'already here')
  cli = startCli(
    [
      'serve',
      '--listen',
      '127.0.0.1:0',
      '--state-dir',
      state,
      '--download-dir',
      work,
      '--root',
      root,
      '--upload-limit',
      '1K',
    ],
    { env: { FICHIER_API_KEY: KEY, FICHIER_API_URL: emulator.apiUrl } },
  )
  while (!/^serving on (http\S+)$/m.test(cli.output())) {
    if (cli.child.exitCode !== null) throw new Error(`fichier serve ended:\n${cli.output()}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  url = /^serving on (http\S+)$/m.exec(cli.output())?.[1] ?? ''
  socket = await openSocket(url)
}, 60_000)

afterAll(async () => {
  await socket?.close()
  cli?.child.kill('SIGTERM')
  await cli?.done
  await emulator.stop()
  await rm(work, { recursive: true, force: true })
})

const put = (name: string, body: string, size = body.length) =>
  fetch(`${url}/staging/${encodeURIComponent(name)}`, {
    method: 'PUT',
    headers: { 'X-File-Size': String(size), Origin: url },
    body,
  })

describe('fichier serve: local files of the page', () => {
  it('takes a file from the browser into its state folder and uploads it, then lets the copy go', async () => {
    const answer = await put('from-the-tab.txt', 'sent by the page')
    expect(answer.status).toBe(201)
    const { path } = (await answer.json()) as { path: string }
    expect(path.startsWith(join(state, 'staging'))).toBe(true)
    expect(await readFile(path, 'utf8')).toBe('sent by the page')
    const added = await socket.call('transfers:add', { kind: 'upload', paths: [path], folderId: 0 })
    expect(added).toMatchObject({ ok: true, value: { rejected: [] } })
    await expect
      .poll(() => emulator.control.listFiles(KEY).map((file) => file.name), { timeout: 20_000 })
      .toEqual(['from-the-tab.txt'])
    await expect.poll(() => readdir(join(state, 'staging')), { timeout: 20_000 }).toEqual([])
  })

  it('refuses a file over --upload-limit before reading it', async () => {
    const answer = await put('big.bin', 'x', 2048)
    expect(answer.status).toBe(413)
  })

  it('lists its --root folders for the picker, and refuses paths outside them', async () => {
    const roots = await socket.call('serverFiles:list', { path: null })
    expect(roots).toMatchObject({ ok: true, value: { roots: [root] } })
    const inside = await socket.call('serverFiles:list', { path: root })
    expect(inside).toMatchObject({
      ok: true,
      value: { entries: [{ name: 'on-the-server.txt', kind: 'file' }] },
    })
    const outside = await socket.call('transfers:add', {
      kind: 'upload',
      paths: [join(work, 'elsewhere')],
      folderId: 0,
    })
    expect(outside).toMatchObject({
      ok: true,
      value: { addedIds: [], rejected: [{ line: join(work, 'elsewhere') }] },
    })
  })

  it('says what --upload-limit takes', async () => {
    const run = await runCli(['serve', '--upload-limit', 'lots', '--state-dir', join(work, 'other-state')])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--upload-limit takes a size in bytes')
  }, 60_000)
})
