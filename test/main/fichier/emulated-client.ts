import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator } from '../../emulator'
import type { EmulatorOptions, RunningEmulator } from '../../emulator'
import { FichierClient } from '../../../src/main/core/fichier/fichier-client'
import type { FichierClientOptions } from '../../../src/main/core/fichier/fichier-client'
import type { Clock } from '../../../src/main/core/lib/clock'

export const PREMIUM_KEY = 'PremiumKeyPremiumKeyPremiumKey01'
export const FREE_KEY = 'FreeKeyFreeKeyFreeKeyFreeKey0001'
export const OTHER_KEY = 'OtherKeyOtherKeyOtherKeyOther001'

/** A clock whose sleeps pass at once (virtual time moves forward), for waits measured in minutes. */
export class InstantClock implements Clock {
  time = Date.UTC(2026, 0, 1)
  readonly sleeps: number[] = []

  now(): number {
    return this.time
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted()
    this.sleeps.push(ms)
    this.time += Math.max(0, ms)
    await new Promise((resolve) => setImmediate(resolve))
    signal?.throwIfAborted()
  }
}

export interface Emulated {
  emulator: RunningEmulator
  client: FichierClient
  stateDir: string
  makeClient(options?: Partial<FichierClientOptions>): FichierClient
  close(): Promise<void>
}

/** An emulator with a premium, a free and a second premium account, and a client for the premium one. */
export async function startEmulated(
  options: { emulator?: EmulatorOptions; client?: Partial<FichierClientOptions> } = {},
): Promise<Emulated> {
  const emulator = await startEmulator({
    rateLimits: false,
    keys: [
      { key: PREMIUM_KEY, tier: 'premium', email: 'premium@example.com' },
      { key: FREE_KEY, tier: 'free', email: 'free@example.com' },
      { key: OTHER_KEY, tier: 'premium', email: 'other@example.com' },
    ],
    ...options.emulator,
  })
  const stateDir = mkdtempSync(join(tmpdir(), 'fichier-client-'))
  const clients: FichierClient[] = []
  const makeClient = (extra: Partial<FichierClientOptions> = {}): FichierClient => {
    const client = new FichierClient({
      baseUrl: emulator.apiUrl,
      getKey: () => PREMIUM_KEY,
      stateDir,
      callsPerSecond: 100,
      listingIntervalMs: 0,
      retry: { baseMs: 5, maxMs: 20 },
      report: { delayMs: 5 },
      ...options.client,
      ...extra,
    })
    clients.push(client)
    return client
  }
  const client = makeClient()
  return {
    emulator,
    client,
    stateDir,
    makeClient,
    close: async () => {
      for (const c of clients) c.close()
      await emulator.stop()
      rmSync(stateDir, { recursive: true, force: true })
    },
  }
}
