import { mkdtempSync, rmSync } from 'node:fs'
import { createServer as createHttpServer, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runRemoteJob } from './api-remote'
import { EmulatorControl } from './emulator-control'
import {
  DEFAULT_RATE_LIMITS,
  DEFAULT_SWITCHES,
  DEMO_KEY,
  type BehaviourSwitches,
  type EmulatorOptions,
} from './options'
import { RateLimiter } from './rate-limiter'
import { EmulatorRuntime } from './runtime'
import { seedDemo } from './seed-demo'
import { createRequestListener } from './server'
import { StateStore } from './state-store'

export type { Tier, EmulatorKey, EmulatorOptions, RateLimitOptions, BehaviourSwitches } from './options'
export { DEFAULT_RATE_LIMITS, DEFAULT_SWITCHES, DEMO_KEY, DOMAINS } from './options'
export { EmulatorControl } from './emulator-control'
export type {
  CreateFileInput,
  CreateFolderInput,
  CreatedFile,
  FileSummary,
  FolderSummary,
} from './emulator-control'
export type { EmulatorStats } from './stats'
export type { FailRule, StallRule, WrongLengthRule } from './faults'
export { syntheticBytes, syntheticChunks, syntheticStream, syntheticWhirlpool } from './synthetic'
export { whirlpool } from './whirlpool'
export { parisTime } from './paris-time'

export interface RunningEmulator {
  /** The API base a client uses (`FICHIER_API_URL`), e.g. `http://127.0.0.1:PORT/v1`. */
  apiUrl: string
  /** e.g. `http://127.0.0.1:PORT`. */
  origin: string
  control: EmulatorControl
  /** Where files and state live. */
  dataDir: string
  stop(): Promise<void>
}

function switchesFrom(options: EmulatorOptions): BehaviourSwitches {
  const switches: BehaviourSwitches = { ...DEFAULT_SWITCHES }
  for (const name of Object.keys(DEFAULT_SWITCHES) as (keyof BehaviourSwitches)[]) {
    const value = options[name]
    if (value !== undefined) (switches as unknown as Record<string, unknown>)[name] = value
  }
  return switches
}

/** Starts a 1fichier stand-in (API host, upload and download nodes, public folders) on one port. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'fichier-emulator-'))
  const store = new StateStore(dataDir)
  // Without keys, the demo key is a premium account (seeded only with `seed: 'demo'`).
  const keys = options.keys ?? [{ key: DEMO_KEY, tier: 'premium' as const, email: 'demo@example.com' }]
  for (const key of keys) store.ensureAccount(key)
  store.save()

  const rateLimits = options.rateLimits ?? true
  const limiter = new RateLimiter(
    { ...DEFAULT_RATE_LIMITS, ...(typeof rateLimits === 'object' ? rateLimits : {}) },
    rateLimits !== false,
  )
  const host = options.host ?? '127.0.0.1'
  const rt = new EmulatorRuntime(
    store,
    switchesFrom(options),
    limiter,
    options.tls ? 'https' : 'http',
    host,
    options.publicHosts ?? [],
    options.publicPort,
    options.tokenTtlMs ?? 5 * 60_000,
    options.maxConnections ?? 30,
  )
  const control = new EmulatorControl(rt)
  const listener = createRequestListener(rt, control)
  const onRequest = (req: Parameters<typeof listener>[0], res: Parameters<typeof listener>[1]): void =>
    void listener(req, res)
  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, onRequest)
    : createHttpServer(onRequest)
  // Multi-GB uploads and slow downloads must not be cut by Node's default request timeout.
  server.requestTimeout = 0
  server.headersTimeout = 60_000

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  rt.port = (server.address() as AddressInfo).port

  if (options.seed === 'demo') {
    const key = keys[0]?.key
    if (key && store.filesOf(key).length === 0 && store.subFolders(key, 0).length === 0)
      await seedDemo(control, key)
  }
  for (const job of store.remoteJobs.values()) if (job.executedAt === undefined) void runRemoteJob(rt, job)

  return {
    apiUrl: `${rt.origin}/v1`,
    origin: rt.origin,
    control,
    dataDir,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
