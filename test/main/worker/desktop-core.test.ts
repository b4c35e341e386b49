import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import type { FinishedTransfer } from '../../../src/main/app/notification-batcher'
import type { QueueSummary } from '../../../src/main/app/queue-summary'
import { TransferWatch } from '../../../src/main/app/transfer-watch'
import { MemorySecrets } from '../../../src/main/core/account/memory-secrets'
import { scriptedDialogs } from '../../../src/main/core/dialogs-port'
import { createDispatch } from '../../../src/main/core/ipc/dispatch'
import type { EventMap } from '../../../src/main/core/ipc/handlers'
import { systemClock } from '../../../src/main/core/lib/clock'
import { createConfSettingsPort } from '../../../src/main/core/settings/conf-settings-port'
import type { Settings } from '../../../src/shared/model/settings'
import { bridgeHandlers } from '../../../src/main/core/worker/bridge-handlers'
import { startDesktopCore, type DesktopCore } from '../../../src/main/core/worker/desktop-core'
import type { CoreWorkerOptions } from '../../../src/main/core/worker/start-core-worker'
import type { HostToWorker } from '../../../src/main/core/worker/worker-messages'
import { coreWorkerEntry } from '../../helpers/core-worker-entry'
import { allFinished, waitForTransfers } from '../../helpers/wait-for-transfers'

const KEY = 'DeskKeyDeskKeyDeskKeyDeskKey0001'
const OTHER_KEY = 'DeskKeyDeskKeyDeskKeyDeskKey0002'

let emulator: RunningEmulator
let temp: string
const running: DesktopCore[] = []

beforeAll(async () => {
  emulator = await startEmulator({
    rateLimits: false,
    keys: [
      { key: KEY, tier: 'premium' },
      { key: OTHER_KEY, tier: 'premium' },
    ],
  })
  temp = await mkdtemp(join(tmpdir(), 'fd-desktop-core-'))
})

afterEach(async () => {
  await Promise.all(running.splice(0).map((core) => core.close()))
  emulator.control.reset()
})

afterAll(async () => {
  await emulator.stop()
  await rm(temp, { recursive: true, force: true })
})

/** The shell's view of a core in a worker thread, started from the sources with the host's own stores. */
async function start(name: string, overrides: Partial<CoreWorkerOptions> = {}) {
  const dataDir = join(temp, name)
  const secrets = new MemorySecrets(true)
  await secrets.save(KEY, 'session')
  const sent: HostToWorker[] = []
  const logs: string[] = []
  const core = await startDesktopCore({
    ...coreWorkerEntry(),
    env: { ...process.env, FICHIER_API_URL: emulator.apiUrl, FICHIER_DESK_KEYS_DIR: join(dataDir, 'keys') },
    core: {
      dataDir,
      defaultDownloadsDir: join(dataDir, 'downloads'),
      app: { version: '0.0.0-test', platform: process.platform },
      client: { callsPerSecond: 20, retry: { baseMs: 20, maxMs: 200 }, report: { delayMs: 20 } },
      engine: { progressIntervalMs: 100 },
    },
    secrets,
    settingsPort: createConfSettingsPort(join(dataDir, 'settings')),
    dialogs: scriptedDialogs(join(temp, 'picked')),
    log: (message) => logs.push(message),
    validateOutputs: true,
    trace: (direction, message) => {
      if (direction === 'to-worker') sent.push(structuredClone(message as HostToWorker))
    },
    ...overrides,
  })
  running.push(core)
  return { core, secrets, sent, logs, downloadsDir: join(dataDir, 'downloads') }
}

describe('the desktop shell’s view of a core in a worker thread', () => {
  it('mirrors the settings: read at start, then every change the core saves, before its answer', async () => {
    const { core } = await start('settings')
    expect(core.settings.get()).toMatchObject({ maxActive: 3, closeToTray: true })
    const seen: Settings[] = []
    const stop = core.settings.on('changed', (settings) => seen.push(settings))

    const updated = await core.bridge.invoke('settings:update', { closeToTray: false, maxActive: 5 })
    expect(updated.ok).toBe(true)
    expect(core.settings.get()).toMatchObject({ closeToTray: false, maxActive: 5 })
    expect(seen.map((settings) => [settings.closeToTray, settings.maxActive])).toEqual([[false, 5]])

    // A refused change changes nothing.
    await core.bridge.invoke('settings:update', { maxActive: -1 })
    expect(core.settings.get().maxActive).toBe(5)
    expect(seen).toHaveLength(1)
    stop()

    // The next start reads what the host's store kept.
    await running.pop()?.close()
    const again = await start('settings')
    expect(again.core.settings.get()).toMatchObject({ closeToTray: false, maxActive: 5 })
  })

  it('follows the core’s settings even when the host’s store fails to keep them, and says so', async () => {
    const stored = createConfSettingsPort(join(temp, 'full-disk', 'settings'))
    const { core, logs } = await start('full-disk', {
      settingsPort: {
        read: () => stored.read(),
        write: () => {
          throw new Error('ENOSPC: no space left on device')
        },
      },
    })
    const failures = () =>
      logs.filter((line) => line === 'saving the settings failed: ENOSPC: no space left on device').length
    const before = failures()
    const updated = await core.bridge.invoke('settings:update', { notifications: false })
    expect(updated.ok && updated.value.notifications).toBe(false)
    expect(core.settings.get().notifications).toBe(false)
    expect(failures()).toBe(before + 1)
  })

  it('keeps the queue from the list and the core’s batches while a real download runs', async () => {
    const { core, downloadsDir } = await start('watch')
    const early = await emulator.control.createFile({ key: KEY, name: 'early.txt', content: 'early' })
    await core.bridge.invoke('transfers:add', { kind: 'download', links: [{ url: early.url }] })
    await waitForTransfers(core.bridge, allFinished)

    // A watch started now finds the finished transfer in its first list, and does not announce it.
    const watch = new TransferWatch(
      { events: core.events, list: () => core.listTransfers() },
      { clock: systemClock, summaryIntervalMs: 0 },
    )
    const summaries: QueueSummary[] = []
    const finished: FinishedTransfer[][] = []
    const stops = [
      watch.on('summary', (summary) => summaries.push(summary)),
      watch.on('finished', (items) => finished.push(items)),
    ]
    await watch.ready
    expect(watch.summary.counts).toMatchObject({ completed: 1, active: 0 })
    expect(watch.knownSources()).toEqual([early.url])

    const size = 6 * 1024 * 1024
    const file = await emulator.control.createFile({ key: KEY, name: 'big.bin', synthetic: { size } })
    emulator.control.setSpeedCap(4 * 1024 * 1024)
    await core.bridge.invoke('transfers:add', { kind: 'download', links: [{ url: file.url }] })
    await expect.poll(() => watch.summary.counts.completed, { timeout: 20_000 }).toBe(2)
    for (const stop of stops) stop()
    watch.dispose()

    expect((await stat(join(downloadsDir, 'big.bin'))).size).toBe(size)
    expect(summaries.some((summary) => summary.counts.active === 1)).toBe(true)
    expect(finished).toEqual([[expect.objectContaining({ name: 'big.bin', outcome: 'completed' })]])
    expect(watch.idsWith('completed')).toHaveLength(2)
  })

  it('sends the host’s window requests with the core’s events', async () => {
    const { core } = await start('requests')
    const requests: EventMap['app:request'][] = []
    const stop = core.events.on('app:request', (request) => requests.push(request))
    core.requestWindow({ kind: 'addLinks', text: 'https://1fichier.com/?abcdef1234' })
    core.requestWindow({ kind: 'showTransfers' })
    stop()
    expect(requests).toEqual([
      { kind: 'addLinks', text: 'https://1fichier.com/?abcdef1234' },
      { kind: 'showTransfers' },
    ])

    // The core's own events come through the same emitter.
    const accounts: EventMap['account:changed'][] = []
    const stopAccount = core.events.on('account:changed', (state) => accounts.push(state))
    await core.bridge.invoke('account:clearKey', {})
    await expect.poll(() => accounts.length).toBeGreaterThan(0)
    stopAccount()
    expect(accounts.at(-1)).toMatchObject({ hasKey: false })
  })

  it('knows the API key to hide from the logs as the host’s store gives and takes it', async () => {
    const { core, secrets } = await start('redaction')
    expect(core.apiKey()).toBe(KEY)
    expect((await core.bridge.invoke('account:setKey', { key: OTHER_KEY, persist: 'session' })).ok).toBe(true)
    expect(core.apiKey()).toBe(OTHER_KEY)
    expect(await secrets.load()).toBe(OTHER_KEY)
    await core.bridge.invoke('account:clearKey', {})
    expect(core.apiKey()).toBeNull()
  })

  it('checks the window’s calls on this thread: a bad input never reaches the core', async () => {
    const { core, sent } = await start('dispatch')
    const dispatch = createDispatch(bridgeHandlers(core.bridge), { validateOutputs: true })
    const invokes = () => sent.filter((message) => message.type === 'invoke').slice(1)
    // (The first one is the view's own read of the settings at start.)
    expect(sent.filter((message) => message.type === 'invoke')).toEqual([
      { type: 'invoke', id: 1, channel: 'settings:get', input: {} },
    ])

    const refused = await dispatch('settings:update', { maxActive: 'many' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect((refused as { error: { message: string } }).error.message).toContain('maxActive')
    expect(await dispatch('nope:nothing', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    })
    expect(invokes()).toEqual([])

    // A good call goes on; the core's refusal comes back with its code.
    expect(await dispatch('settings:update', { maxActive: 2 })).toMatchObject({
      ok: true,
      value: { maxActive: 2 },
    })
    expect(core.settings.get().maxActive).toBe(2)
    expect(await dispatch('transfers:open', { id: 'no-such-transfer', reveal: false })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(invokes().map((message) => message.type === 'invoke' && message.channel)).toEqual([
      'settings:update',
      'transfers:open',
    ])
  })

  it('says when the core’s thread ends on its own, and answers CLOSED from then on', async () => {
    const logs: string[] = []
    const core = await startDesktopCore({
      entry: new URL('../../fixtures/crashing-core-worker.mjs', import.meta.url),
      core: {
        dataDir: join(temp, 'crash'),
        defaultDownloadsDir: join(temp, 'crash', 'downloads'),
        app: { version: '0.0.0-test', platform: process.platform },
      },
      secrets: new MemorySecrets(true),
      settingsPort: createConfSettingsPort(join(temp, 'crash', 'settings')),
      log: (message) => logs.push(message),
    })
    running.push(core)
    await expect(core.listTransfers()).rejects.toMatchObject({ code: 'CLOSED' })
    await core.failed
    expect(logs.join('\n')).toContain('the engine broke')
    expect(await core.bridge.invoke('settings:get', {})).toMatchObject({
      ok: false,
      error: { code: 'CLOSED' },
    })
  })

  it('closes during a download: the part is kept, later calls answer CLOSED', async () => {
    const { core } = await start('close', { closeTimeoutMs: 10_000 })
    let failed = false
    void core.failed.then(() => (failed = true))
    const size = 32 * 1024 * 1024
    const file = await emulator.control.createFile({ key: KEY, name: 'held.bin', synthetic: { size } })
    emulator.control.setSpeedCap(2 * 1024 * 1024)
    let moving = false
    const stop = core.events.on('transfers:progress', (tick) => {
      if (tick.items.some((item) => item.bytes > 0)) moving = true
    })
    await core.bridge.invoke('transfers:add', { kind: 'download', links: [{ url: file.url }] })
    await expect.poll(() => moving, { timeout: 20_000 }).toBe(true)
    stop()

    await running.pop()?.close()
    expect(await core.bridge.invoke('settings:get', {})).toMatchObject({
      ok: false,
      error: { code: 'CLOSED' },
    })
    await expect(core.listTransfers()).rejects.toMatchObject({ code: 'CLOSED' })
    // A core stopped by `close` did not fail.
    await new Promise((resolve) => setImmediate(resolve))
    expect(failed).toBe(false)

    // The next start finds the transfer paused where it was, not lost.
    const again = await start('close')
    const list = await again.core.listTransfers()
    expect(list.items).toHaveLength(1)
    expect(list.items[0]).toMatchObject({ name: 'held.bin' })
    expect(list.items[0]?.status).not.toBe('failed')
  })
})
