// One download job against the emulator, as the engine builds it, for the tests of the download path.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { FichierClient } from '../../../src/main/core/fichier/fichier-client'
import { whirlpoolOfFile } from '../../../src/main/core/fichier/whirlpool'
import { systemClock, type Clock } from '../../../src/main/core/lib/clock'
import { ConnectionBudget } from '../../../src/main/core/transfers/download/connection-budget'
import {
  DownloadJob,
  type DownloadDeps,
  type DownloadRequest,
} from '../../../src/main/core/transfers/download/download-job'
import { TokenBucket } from '../../../src/main/core/transfers/token-bucket'

export interface JobOptions {
  signal?: AbortSignal
  onBytes?: (n: number) => void
  onMeta?: () => void
  budget?: ConnectionBudget
  clock?: Clock
  whirlpoolOfFile?: DownloadDeps['whirlpoolOfFile']
  /** Each process has its own reservations: a separate set is another process. */
  reserved?: Set<string>
}

export interface DownloadHarness {
  readonly emulator: RunningEmulator
  readonly client: FichierClient
  /** A fresh folder for each test. */
  readonly dir: string
  job(
    request: Partial<DownloadRequest> & { link: string },
    options?: JobOptions,
  ): {
    instance: DownloadJob
    events: {
      metas: Array<{ name: string; size: number; partPath: string }>
      bytes: number
      restarts: number
      notes: Array<string | null>
    }
  }
}

/**
 * Registers the suite's hooks: one emulator (API rate limits off, its other defaults on) and one
 * client for the file, the emulator reset and a fresh folder for each test.
 */
export function downloadHarness(setup: {
  key: string
  folderPrefix: string
  idleTimeoutMs?: number
  beforeEachTest?: (emulator: RunningEmulator) => void
}): DownloadHarness {
  let emulator: RunningEmulator | null = null
  let client: FichierClient | null = null
  let dir: string | null = null
  const ready = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`The download harness has no ${what} outside a test.`)
    return value
  }

  beforeAll(async () => {
    emulator = await startEmulator({ rateLimits: false, keys: [{ key: setup.key, tier: 'premium' }] })
    client = new FichierClient({
      baseUrl: emulator.apiUrl,
      getKey: () => setup.key,
      callsPerSecond: 100,
      retry: { baseMs: 5, maxMs: 20 },
    })
  })
  afterAll(async () => {
    client?.close()
    await emulator?.stop()
  })
  beforeEach(async () => {
    const running = ready(emulator, 'emulator')
    running.control.reset()
    running.control.resetStats()
    setup.beforeEachTest?.(running)
    const folder = await mkdtemp(join(tmpdir(), setup.folderPrefix))
    dir = folder
    return () => rm(folder, { recursive: true, force: true })
  })

  return {
    get emulator() {
      return ready(emulator, 'emulator')
    },
    get client() {
      return ready(client, 'client')
    },
    get dir() {
      return ready(dir, 'folder')
    },
    job(request, options = {}) {
      const api = ready(client, 'client')
      const events = {
        metas: [] as Array<{ name: string; size: number; partPath: string }>,
        bytes: 0,
        restarts: 0,
        notes: [] as Array<string | null>,
      }
      const clock = options.clock ?? systemClock
      const instance = new DownloadJob(
        { dir: ready(dir, 'folder'), conflict: 'rename', connections: 4, minSegment: 256 * 1024, ...request },
        {
          clock,
          budget: options.budget ?? new ConnectionBudget(30),
          limiter: new TokenBucket(0, systemClock),
          tokenFor: async (link, password, abort) =>
            (await api.downloadToken(link, { signal: abort, ...(password ? { password } : {}) })).url,
          whirlpoolOfFile: options.whirlpoolOfFile ?? whirlpoolOfFile,
          reserved: options.reserved ?? new Set(),
          idleTimeoutMs: setup.idleTimeoutMs ?? 2000,
        },
        {
          onMeta: (meta) => {
            events.metas.push(meta)
            options.onMeta?.()
          },
          onBytes: (n) => {
            events.bytes += n
            options.onBytes?.(n)
          },
          onRestart: () => {
            events.restarts++
          },
          onNote: (note) => events.notes.push(note),
        },
        options.signal ?? new AbortController().signal,
      )
      return { instance, events }
    },
  }
}
