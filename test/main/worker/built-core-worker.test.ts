import { execFile } from 'node:child_process'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { MemorySecrets } from '../../../src/main/core/account/memory-secrets'
import { createConfSettingsPort } from '../../../src/main/core/settings/conf-settings-port'
import { coreWorkerFileBeside } from '../../../src/main/core/worker/core-worker-file'
import { startDesktopCore } from '../../../src/main/core/worker/desktop-core'
import { allFinished, waitForTransfers } from '../../helpers/wait-for-transfers'

const KEY = 'BuiltKeyBuiltKeyBuiltKeyBuiltK01'
const root = fileURLToPath(new URL('../../../', import.meta.url))
// Inside the project, so that the built files find its node_modules as the app's do.
const outDir = join(root, 'out', `.core-worker-check-${process.pid}`)

let emulator: RunningEmulator
let temp: string

beforeAll(async () => {
  const bin = join(
    root,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite',
  )
  await promisify(execFile)(bin, ['build', '--outDir', outDir, '--logLevel', 'warn'], {
    cwd: root,
    shell: process.platform === 'win32',
  })
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
  temp = await mkdtemp(join(tmpdir(), 'fd-built-worker-'))
}, 180_000)

afterAll(async () => {
  await emulator?.stop()
  await rm(outDir, { recursive: true, force: true })
  if (temp) await rm(temp, { recursive: true, force: true })
})

describe('the built app’s core thread', () => {
  it('is found next to the built main file and serves a download under plain Node', async () => {
    const entry = coreWorkerFileBeside(pathToFileURL(join(outDir, 'main', 'index.js')))
    expect((await stat(entry)).isFile()).toBe(true)
    const secrets = new MemorySecrets(true)
    await secrets.save(KEY, 'session')
    const core = await startDesktopCore({
      entry,
      env: { ...process.env, FICHIER_API_URL: emulator.apiUrl, FICHIER_DESK_KEYS_DIR: join(temp, 'keys') },
      core: {
        dataDir: temp,
        defaultDownloadsDir: join(temp, 'downloads'),
        app: { version: '0.0.0-test', platform: process.platform },
        client: { callsPerSecond: 20, retry: { baseMs: 20, maxMs: 200 } },
      },
      secrets,
      settingsPort: createConfSettingsPort(join(temp, 'settings')),
      log: () => undefined,
      validateOutputs: true,
    })
    try {
      const file = await emulator.control.createFile({ key: KEY, name: 'built.txt', content: 'built' })
      await core.bridge.invoke('transfers:add', { kind: 'download', links: [{ url: file.url }] })
      expect((await waitForTransfers(core.bridge, allFinished))[0]?.status).toBe('completed')
      expect((await stat(join(temp, 'downloads', 'built.txt'))).size).toBe(5)
    } finally {
      await core.close()
    }
  })
})
