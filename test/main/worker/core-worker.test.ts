import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { MemorySecrets } from '../../../src/main/core/account/memory-secrets'
import { scriptedDialogs, type DialogsPort } from '../../../src/main/core/dialogs-port'
import { noFileOpener, recordingFileOpener } from '../../../src/main/core/file-opener-port'
import { AppError } from '../../../src/main/core/lib/app-error'
import { createConfSettingsPort } from '../../../src/main/core/settings/conf-settings-port'
import {
  startCoreWorker,
  type CoreWorker,
  type CoreWorkerOptions,
} from '../../../src/main/core/worker/start-core-worker'
import type { HostToWorker, WorkerToHost } from '../../../src/main/core/worker/worker-messages'
import type { EventPayload } from '../../../src/shared/contract'
import { coreWorkerEntry } from '../../helpers/core-worker-entry'
import { allFinished, waitForTransfers } from '../../helpers/wait-for-transfers'

const KEY = 'WorkKeyWorkKeyWorkKeyWorkKey0001'
const OTHER_KEY = 'WorkKeyWorkKeyWorkKeyWorkKey0002'

let emulator: RunningEmulator
let temp: string
const running: CoreWorker[] = []

beforeAll(async () => {
  emulator = await startEmulator({
    rateLimits: false,
    keys: [
      { key: KEY, tier: 'premium' },
      { key: OTHER_KEY, tier: 'premium' },
    ],
  })
  temp = await mkdtemp(join(tmpdir(), 'fd-core-worker-'))
})

afterEach(async () => {
  await Promise.all(running.splice(0).map((worker) => worker.close()))
  emulator.control.reset()
})

afterAll(async () => {
  await emulator.stop()
  await rm(temp, { recursive: true, force: true })
})

interface Traced {
  direction: 'to-worker' | 'from-worker'
  message: HostToWorker | WorkerToHost
}

async function start(
  name: string,
  options: { key?: string | null; dialogs?: DialogsPort } & Partial<CoreWorkerOptions> = {},
) {
  const { key, dialogs, ...overrides } = options
  const dataDir = join(temp, name)
  const downloadsDir = join(dataDir, 'downloads')
  const secrets = new MemorySecrets(true)
  if (key !== null) await secrets.save(key ?? KEY, 'session')
  const settingsDir = join(dataDir, 'settings')
  const fileOpener = recordingFileOpener()
  const traffic: Traced[] = []
  const logs: string[] = []
  const worker = await startCoreWorker({
    ...coreWorkerEntry(),
    env: { ...process.env, FICHIER_API_URL: emulator.apiUrl, FICHIER_DESK_KEYS_DIR: join(dataDir, 'keys') },
    core: {
      dataDir,
      defaultDownloadsDir: downloadsDir,
      app: { version: '0.0.0-test', platform: process.platform },
      client: { callsPerSecond: 20, retry: { baseMs: 20, maxMs: 200 }, report: { delayMs: 20 } },
      engine: { progressIntervalMs: 100 },
    },
    secrets,
    settingsPort: createConfSettingsPort(settingsDir),
    dialogs: dialogs ?? scriptedDialogs(join(temp, 'picked')),
    fileOpener,
    log: (message) => logs.push(message),
    validateOutputs: true,
    trace: (direction, message) => traffic.push({ direction, message: structuredClone(message) }),
    ...overrides,
  })
  running.push(worker)
  return { worker, bridge: worker.bridge, secrets, settingsDir, downloadsDir, traffic, logs, fileOpener }
}

describe('the core in a worker thread', () => {
  it('answers commands with the contract’s envelopes, and writes settings through the host’s store', async () => {
    const { bridge, settingsDir } = await start('commands')
    const settings = await bridge.invoke('settings:get', {})
    expect(settings.ok).toBe(true)
    const updated = await bridge.invoke('settings:update', { maxActive: 2 })
    expect(updated.ok && updated.value.maxActive).toBe(2)
    // The host's store has it (the write travels before the answer, on the same port).
    expect(createConfSettingsPort(settingsDir).read()).toMatchObject({ maxActive: 2 })

    const status = await bridge.invoke('account:status', {})
    expect(status.ok && status.value).toMatchObject({ hasKey: true, storage: 'session' })

    const invalid = await bridge.invoke('settings:update', { maxActive: -3 })
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect((invalid as { error: { message: string } }).error.message).toContain('maxActive')
    const unknown = await bridge.invoke('nope:nothing' as 'settings:get', {})
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })

    // The next start reads the settings from the host's store.
    await running.pop()?.close()
    const again = await start('commands')
    const reread = await again.bridge.invoke('settings:get', {})
    expect(reread.ok && reread.value.maxActive).toBe(2)
  })

  it('pushes lifecycle changes and progress while a download runs, and the file lands on disk', async () => {
    const { bridge, downloadsDir } = await start('events')
    const size = 6 * 1024 * 1024
    const file = await emulator.control.createFile({ key: KEY, name: 'moving.bin', synthetic: { size } })
    // Slow enough for several progress ticks.
    emulator.control.setSpeedCap(4 * 1024 * 1024)
    const changes: EventPayload<'transfers:changed'>[] = []
    const ticks: EventPayload<'transfers:progress'>[] = []
    const stopChanges = bridge.on('transfers:changed', (batch) => changes.push(batch))
    const stopTicks = bridge.on('transfers:progress', (tick) => ticks.push(tick))

    const added = await bridge.invoke('transfers:add', { kind: 'download', links: [{ url: file.url }] })
    expect(added.ok && added.value.addedIds).toHaveLength(1)
    const items = await waitForTransfers(bridge, allFinished)
    stopChanges()
    stopTicks()

    expect(items[0]?.status).toBe('completed')
    expect((await stat(join(downloadsDir, 'moving.bin'))).size).toBe(size)
    expect(changes.some((batch) => batch.upserts.some((view) => view.status === 'completed'))).toBe(true)
    // Revisions arrive in order, none skipped.
    const revisions = changes.map((batch) => batch.revision)
    expect(revisions).toEqual(revisions.map((_, i) => (revisions[0] as number) + i))
    expect(ticks.length).toBeGreaterThan(1)
    expect(ticks.some((tick) => tick.items.some((entry) => entry.bytes > 0 && entry.bytes < size))).toBe(true)
  })

  it('gets the key from the host once, as the answer to the core’s read, and never sends it back', async () => {
    const { bridge, traffic, logs } = await start('key')
    const file = await emulator.control.createFile({ key: KEY, name: 'keyed.txt', content: 'keyed' })
    expect((await bridge.invoke('account:status', {})).ok).toBe(true)
    await bridge.invoke('transfers:add', { kind: 'download', links: [{ url: file.url }] })
    expect((await waitForTransfers(bridge, allFinished))[0]?.status).toBe('completed')
    // The key did reach the emulator: the download needed it.
    expect(emulator.control.stats().requests['/v1/download/get_token.cgi']).toBeGreaterThan(0)

    const carrying = traffic.filter((entry) => JSON.stringify(entry.message).includes(KEY))
    expect(carrying).toHaveLength(1)
    const [answer] = carrying
    expect(answer?.direction).toBe('to-worker')
    expect(answer?.message).toMatchObject({ type: 'port-answer', ok: true, value: KEY })
    const call = traffic.find(
      (entry) =>
        entry.message.type === 'port-call' && entry.message.id === (answer?.message as { id: number }).id,
    )
    expect(call?.message).toMatchObject({ port: 'secrets', method: 'load' })
    expect(logs.join('\n')).not.toContain(KEY)
  })

  it('keeps a new key in the host’s store: it crosses with the command and the save only', async () => {
    const { bridge, secrets, traffic } = await start('new-key', { key: null })
    const before = await bridge.invoke('account:status', {})
    expect(before.ok && before.value).toMatchObject({ hasKey: false, storage: 'none' })

    const set = await bridge.invoke('account:setKey', { key: OTHER_KEY, persist: 'session' })
    expect(set.ok).toBe(true)
    expect(await secrets.load()).toBe(OTHER_KEY)
    const after = await bridge.invoke('account:status', {})
    expect(after.ok && after.value).toMatchObject({ hasKey: true, storage: 'session' })

    const carrying = traffic.filter((entry) => JSON.stringify(entry.message).includes(OTHER_KEY))
    expect(carrying.map((entry) => [entry.direction, entry.message.type])).toEqual([
      ['to-worker', 'invoke'],
      ['from-worker', 'port-call'],
    ])
    expect(carrying[1]?.message).toMatchObject({ port: 'secrets', method: 'save' })

    // A refusal of the host's store reaches the window with its code.
    const insecure = await start('no-encryption', {
      key: null,
      secrets: new MemorySecrets(false),
    })
    const notEncrypted = await insecure.bridge.invoke('account:setKey', { key: KEY, persist: 'encrypted' })
    expect(notEncrypted).toMatchObject({ ok: false, error: { code: 'ENCRYPTION_UNAVAILABLE' } })
  })

  it('asks the host’s dialogs and hands files to the host’s opener', async () => {
    const { bridge, fileOpener, downloadsDir } = await start('dialogs')
    const picked = await bridge.invoke('dialog:pickFolder', {})
    expect(picked).toEqual({ ok: true, value: { path: join(temp, 'picked') } })

    const file = await emulator.control.createFile({ key: KEY, name: 'notes.txt', content: 'notes' })
    const added = await bridge.invoke('transfers:add', { kind: 'download', links: [{ url: file.url }] })
    const id = (added.ok && added.value.addedIds[0]) as string
    expect((await waitForTransfers(bridge, allFinished))[0]?.status).toBe('completed')
    const revealed = await bridge.invoke('transfers:open', { id, reveal: true })
    expect(revealed).toEqual({ ok: true, value: { path: join(downloadsDir, 'notes.txt') } })
    expect(fileOpener.requests).toEqual([{ path: join(downloadsDir, 'notes.txt'), reveal: true }])
  })

  it('passes on the host opener’s refusal with its code', async () => {
    const { bridge } = await start('no-opener', { fileOpener: noFileOpener })
    const file = await emulator.control.createFile({ key: KEY, name: 'n.txt', content: 'n' })
    const added = await bridge.invoke('transfers:add', { kind: 'download', links: [{ url: file.url }] })
    const id = (added.ok && added.value.addedIds[0]) as string
    expect((await waitForTransfers(bridge, allFinished))[0]?.status).toBe('completed')
    expect(await bridge.invoke('transfers:open', { id, reveal: false })).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED' },
    })
  })

  it('refuses to start with a bad API address, with the core’s own error', async () => {
    const attempt = start('bad-url', {
      env: { ...process.env, FICHIER_API_URL: 'http://api.example.com/v1' },
    })
    await expect(attempt).rejects.toBeInstanceOf(AppError)
    await expect(attempt).rejects.toMatchObject({ code: 'INVALID_API_URL' })
  })
})

describe('closing the worker', () => {
  it('answers commands still waiting, and any later one, with CLOSED', async () => {
    let asked = false
    const never: DialogsPort = {
      pickFolder: () => {
        asked = true
        return new Promise<string | null>(() => undefined)
      },
      confirmOpen: async () => false,
    }
    const { worker, bridge } = await start('close-pending', { dialogs: never })
    const waiting = bridge.invoke('dialog:pickFolder', {})
    while (!asked) await new Promise((resolve) => setTimeout(resolve, 10))
    await worker.close()
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'CLOSED' } })
    expect(await bridge.invoke('settings:get', {})).toMatchObject({ ok: false, error: { code: 'CLOSED' } })
  })

  it('ends a thread that does not stop within the bound', async () => {
    const logs: string[] = []
    const worker = await startCoreWorker({
      entry: new URL('../../fixtures/deaf-core-worker.mjs', import.meta.url),
      core: {
        dataDir: join(temp, 'deaf'),
        defaultDownloadsDir: join(temp, 'deaf', 'downloads'),
        app: { version: '0.0.0-test', platform: process.platform },
      },
      secrets: new MemorySecrets(true),
      settingsPort: createConfSettingsPort(join(temp, 'deaf', 'settings')),
      log: (message) => logs.push(message),
      closeTimeoutMs: 200,
    })
    const waiting = worker.bridge.invoke('settings:get', {})
    await worker.close()
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'CLOSED' } })
    expect(logs.join('\n')).toContain('did not stop in time')
  })
})
