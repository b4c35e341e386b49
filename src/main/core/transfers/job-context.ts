import type { Clock } from '../lib/clock'
import type { ConnectionBudget } from './download/connection-budget'
import type { EngineSettings } from './engine-settings'
import type { RemoteUploads } from './upload/remote-uploads'
import type { TokenBucket } from './token-bucket'
import type { TransferApi } from './transfer-api'
import type { RecordPatch } from './transfer-record'

/** Everything jobs share: the API, the account's connection budget, the speed limits. */
export interface JobContext {
  api: TransferApi
  clock: Clock
  budget: ConnectionBudget
  downLimiter: TokenBucket
  upLimiter: TokenBucket
  /** Paths of files being downloaded, so that two downloads never pick the same name. */
  reserved: Set<string>
  /** Paths downloads of this engine have written, so that `overwrite` never replaces a sibling's file. */
  landed: Set<string>
  /** Remote folder ids by parent and path, shared so a dropped tree creates each folder once. */
  folders: Map<string, Promise<number>>
  settings: () => EngineSettings
  /** Batched submission and shared polling of remote uploads. */
  remote: RemoteUploads
  minSegment?: number
}

export interface JobCallbacks {
  /** Records what the job learnt, durably (name, size, part path, upload node). */
  update(patch: RecordPatch): Promise<void>
  bytes(count: number): void
  total(total: number | null): void
  resetBytes(): void
}
