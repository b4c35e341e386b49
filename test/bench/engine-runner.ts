/**
 * One engine in its own process, so that its time, CPU and memory are measured apart from the
 * emulator and the harness. Run: node --import tsx test/bench/engine-runner.ts '<RunnerConfig JSON>'.
 * Prints `RUNNER_READY` once the core is up, `RUNNER_ADDED` once the transfers are journaled, and
 * `RUNNER_RESULT <json>` at the end.
 */
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { MemorySecrets } from '../../src/main/core/account/memory-secrets'
import { createCore, type Core, type CoreOptions } from '../../src/main/core/create-core'
import { createConfSettingsPort } from '../../src/main/core/settings/conf-settings-port'
import { startCoreWorker } from '../../src/main/core/worker/start-core-worker'
import type { IpcResult } from '../../src/shared/contract'
import { coreWorkerEntry } from '../helpers/core-worker-entry'
import type { z } from 'zod'
import { AddRequest } from '../../src/shared/model/intake'
import type { SettingsPatch } from '../../src/shared/model/settings'
import { TERMINAL_STATUSES, type TransferView } from '../../src/shared/model/transfer'

export interface TransfersConfig {
  mode: 'transfers'
  apiUrl: string
  key: string
  dataDir: string
  downloadsDir: string
  settings?: SettingsPatch
  requests: Array<z.input<typeof AddRequest>>
  /** When this file exists the requests were already journaled by an earlier run: they are not added again. */
  addedMarker?: string
  client?: CoreOptions['client']
  engine?: CoreOptions['engine']
  timeoutMs?: number
  /** Pause between set-up and adding, so the set-up's API call does not hold the pacer for the measured part. */
  settleMs?: number
  /** `worker`: the core runs in a worker thread and this thread drives it over the contract, as the app does. */
  host?: 'in-process' | 'worker'
}

export interface QueueScaleConfig {
  mode: 'queue-scale'
  dataDir: string
  counts: number[]
  repetitions: number
}

export type RunnerConfig = TransfersConfig | QueueScaleConfig

export interface TransfersResult {
  /** From adding the transfers to the last one finishing. */
  ms: number
  /** Process start-up and core set-up (not in `ms`). */
  setupMs: number
  /** CPU used from adding to finishing. */
  cpuUserMs: number
  cpuSystemMs: number
  peakRssMb: number
  /** Event-loop delay of the thread that hosts the contract, from adding to finishing (ms). */
  eventLoop: { p50Ms: number; p99Ms: number; maxMs: number }
  /** Set by the harness: the p99 event-loop delay of its own idle thread during the run (ms). */
  idleEventLoopP99Ms?: number
  counts: Record<string, number>
  failures: Array<{ name: string; status: string; error?: string }>
}

export interface QueueScaleRow {
  count: number
  addMs: number
  coldStartMs: number
  /** Median of one pause + one resume of a single item. */
  toggleMedianMs: number
}

const now = (): number => Number(process.hrtime.bigint()) / 1e6

async function buildCore(
  dataDir: string,
  downloadsDir: string,
  apiUrl: string | undefined,
  extra: Partial<CoreOptions> = {},
  key?: string,
): Promise<Core> {
  // The key is already stored, as when the app starts: no user/info call at start-up.
  const secrets = new MemorySecrets(true)
  if (key) await secrets.save(key, 'session')
  return createCore({
    dataDir,
    defaultDownloadsDir: downloadsDir,
    secrets,
    settingsPort: createConfSettingsPort(join(dataDir, 'settings')),
    app: { version: '0.0.0-bench', platform: process.platform },
    env: apiUrl ? { FICHIER_API_URL: apiUrl } : {},
    log: (message) => {
      if (process.env['RUNNER_LOG']) process.stderr.write(`[engine] ${message}\n`)
    },
    ...extra,
  })
}

function cpuAndMemory(): { cpuUserMs: number; cpuSystemMs: number; peakRssMb: number } {
  const usage = process.resourceUsage()
  return {
    cpuUserMs: usage.userCPUTime / 1000,
    cpuSystemMs: usage.systemCPUTime / 1000,
    peakRssMb: usage.maxRSS / 1024,
  }
}

/** What the runner needs of an engine, whichever thread it runs on. */
interface Driver {
  add(request: z.input<typeof AddRequest>): Promise<void>
  list(): Promise<TransferView[]>
  /** Resolves on the next lifecycle change, or after `ms`. */
  nextChange(ms: number): Promise<void>
  close(): Promise<void>
}

async function inProcessDriver(config: TransfersConfig): Promise<Driver> {
  const core = await buildCore(
    config.dataDir,
    config.downloadsDir,
    config.apiUrl,
    {
      ...(config.client ? { client: config.client } : {}),
      ...(config.engine ? { engine: config.engine } : {}),
    },
    config.key,
  )
  if (config.settings) core.settings.update({ downloadDir: config.downloadsDir, ...config.settings })
  return {
    async add(request) {
      const result = await core.engine.add(AddRequest.parse(request))
      if (result.rejected.length > 0)
        throw new Error(`rejected: ${JSON.stringify(result.rejected.slice(0, 3))}`)
    },
    list: async () => core.engine.list().items,
    nextChange: (ms) => nextOf((listener) => core.engine.on('changed', listener), ms),
    close: () => core.close(),
  }
}

/** Settles at the next event `subscribe` hears, or after `ms` without one. */
function nextOf(subscribe: (listener: () => void) => () => void, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const stop = subscribe(() => {
      stop()
      clearTimeout(timer)
      resolve()
    })
    const timer = setTimeout(() => {
      stop()
      resolve()
    }, ms)
  })
}

async function workerDriver(config: TransfersConfig): Promise<Driver> {
  const secrets = new MemorySecrets(true)
  await secrets.save(config.key, 'session')
  const worker = await startCoreWorker({
    ...coreWorkerEntry(),
    env: { ...process.env, FICHIER_API_URL: config.apiUrl },
    core: {
      dataDir: config.dataDir,
      defaultDownloadsDir: config.downloadsDir,
      app: { version: '0.0.0-bench', platform: process.platform },
      ...(config.client ? { client: config.client } : {}),
      ...(config.engine ? { engine: config.engine } : {}),
    },
    secrets,
    settingsPort: createConfSettingsPort(join(config.dataDir, 'settings')),
    log: (message) => {
      if (process.env['RUNNER_LOG']) process.stderr.write(`[engine] ${message}\n`)
    },
  })
  const { bridge } = worker
  const check = <T>(result: IpcResult<T>, what: string): T => {
    if (!result.ok) throw new Error(`${what}: ${result.error.code} ${result.error.message}`)
    return result.value
  }
  if (config.settings) {
    check(
      await bridge.invoke('settings:update', { downloadDir: config.downloadsDir, ...config.settings }),
      'settings:update',
    )
  }
  return {
    async add(request) {
      const result = check(await bridge.invoke('transfers:add', request), 'transfers:add')
      if (result.rejected.length > 0)
        throw new Error(`rejected: ${JSON.stringify(result.rejected.slice(0, 3))}`)
    },
    list: async () => check(await bridge.invoke('transfers:list', {}), 'transfers:list').items,
    nextChange: (ms) => nextOf((listener) => bridge.on('transfers:changed', listener), ms),
    close: () => worker.close(),
  }
}

async function runTransfers(config: TransfersConfig): Promise<TransfersResult> {
  const setupBegan = now()
  const engine = config.host === 'worker' ? await workerDriver(config) : await inProcessDriver(config)
  console.log('RUNNER_READY')
  if (config.settleMs) await new Promise((resolve) => setTimeout(resolve, config.settleMs))
  const setupMs = now() - setupBegan
  const cpuBefore = cpuAndMemory()
  // Sampled every 10 ms; the histogram holds how late each sample's timer fired.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 })
  loopDelay.enable()
  const began = now()
  if (!config.addedMarker || !existsSync(config.addedMarker)) {
    for (const request of config.requests) await engine.add(request)
    if (config.addedMarker) writeFileSync(config.addedMarker, 'added\n')
  }
  console.log('RUNNER_ADDED')

  const deadline = Date.now() + (config.timeoutMs ?? 30 * 60_000)
  const finished = (items: TransferView[]): boolean =>
    items.every((item) => TERMINAL_STATUSES.includes(item.status))
  let items = await engine.list()
  let reported = Date.now()
  while (!finished(items)) {
    if (Date.now() > deadline) break
    if (process.env['RUNNER_LOG'] && Date.now() - reported > 5000) {
      reported = Date.now()
      const counts: Record<string, number> = {}
      for (const item of items) counts[item.status] = (counts[item.status] ?? 0) + 1
      const problems = items
        .filter((item) => item.error)
        .map((item) => `${item.name}: ${item.status} ${item.error?.code ?? ''} (${item.attempts})`)
      process.stderr.write(`[runner] ${JSON.stringify(counts)} ${problems.slice(0, 5).join('; ')}\n`)
    }
    await engine.nextChange(500)
    items = await engine.list()
  }
  const ms = now() - began
  loopDelay.disable()
  const cpuAfter = cpuAndMemory()
  const counts: Record<string, number> = {}
  for (const item of items) counts[item.status] = (counts[item.status] ?? 0) + 1
  const failures = items
    .filter((item) => item.status !== 'completed')
    .map((item) => ({
      name: item.name,
      status: item.status,
      ...(item.error ? { error: `${item.error.code}: ${item.error.message}` } : {}),
    }))
  await engine.close()
  return {
    ms,
    setupMs,
    cpuUserMs: cpuAfter.cpuUserMs - cpuBefore.cpuUserMs,
    cpuSystemMs: cpuAfter.cpuSystemMs - cpuBefore.cpuSystemMs,
    peakRssMb: cpuAndMemory().peakRssMb,
    eventLoop: {
      p50Ms: loopDelay.percentile(50) / 1e6,
      p99Ms: loopDelay.percentile(99) / 1e6,
      maxMs: loopDelay.max / 1e6,
    },
    counts,
    failures,
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

function fakeLink(index: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'
  let id = ''
  let n = index + 1_000_003
  for (let i = 0; i < 20; i++) {
    id += alphabet[n % alphabet.length] as string
    n = Math.floor(n / alphabet.length) + i * 7919
  }
  return `https://1fichier.com/?${id}`
}

async function runQueueScale(config: QueueScaleConfig): Promise<QueueScaleRow[]> {
  const rows: QueueScaleRow[] = []
  for (const count of config.counts) {
    const dataDir = join(config.dataDir, `q${count}`)
    const downloadsDir = join(dataDir, 'downloads')
    // An unreachable API: nothing starts (start: false), nothing is contacted.
    const apiUrl = 'http://127.0.0.1:9/v1'
    let core = await buildCore(dataDir, downloadsDir, apiUrl)
    const links = Array.from({ length: count }, (_, i) => ({ url: fakeLink(i) }))
    let began = now()
    const added = await core.engine.add({ kind: 'download', links, start: false })
    const addMs = now() - began
    if (added.addedIds.length !== count)
      throw new Error(
        `added ${added.addedIds.length} of ${count}: ${JSON.stringify(added.rejected.slice(0, 2))}`,
      )
    await core.close()

    began = now()
    core = await buildCore(dataDir, downloadsDir, apiUrl)
    const coldStartMs = now() - began
    if (core.engine.list().items.length !== count) throw new Error('cold start lost items')

    const id = added.addedIds[Math.floor(count / 2)] as string
    const samples: number[] = []
    for (let i = 0; i < config.repetitions; i++) {
      const t = now()
      await core.engine.resume({ ids: [id] })
      await core.engine.pause({ ids: [id] })
      samples.push(now() - t)
    }
    await core.close()
    rows.push({ count, addMs, coldStartMs, toggleMedianMs: median(samples) })
  }
  return rows
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as RunnerConfig
  const result = config.mode === 'queue-scale' ? await runQueueScale(config) : await runTransfers(config)
  console.log(`RUNNER_RESULT ${JSON.stringify(result)}`)
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
    process.exit(1)
  },
)
