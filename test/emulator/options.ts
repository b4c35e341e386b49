import type { FileInfoBurstRule } from './file-info-burst'

/** Account tiers: `offer` 1 (premium), 2 (access), 0 (free). */
export type Tier = 'premium' | 'access' | 'free'

export interface EmulatorKey {
  key: string
  tier?: Tier
  email?: string
  /** When the subscription ends (epoch ms); a year from the account's creation unless given. */
  subscriptionEnd?: number
}

export interface RateLimitOptions {
  /**
   * Sustained API requests per second allowed per IP: a token bucket refilled at this rate, holding
   * at most `burst` requests. A request that finds the bucket empty locks the IP.
   */
  perSecond: number
  /** Requests an idle IP may send at once (the bucket's size). */
  burst: number
  /** How long a flood lock lasts. */
  lockMs: number
  /** The `#code` of the flood message (`Flood detected: IP Locked #374`; 412 was seen in 2024). */
  floodCode: number
  /** `user/info.cgi`: one call per user per this interval (else `Flood detected: IP Locked #38`). */
  userInfoIntervalMs: number
  /** `file/ls.cgi` and `folder/ls.cgi`: one call per folder per this interval. */
  folderListIntervalMs: number
  /** `file/ls.cgi` with `folder_id: -1`: one call per user per this interval. */
  allFilesListIntervalMs: number
  /** Ban an IP (`IP Locked #186`) after this many 401/403/404/410 answers within `banWindowMs`; 0 = never. */
  banAfterErrors: number
  banWindowMs: number
  banMs: number
}

export const DEFAULT_RATE_LIMITS: RateLimitOptions = {
  perSecond: 2,
  burst: 3,
  lockMs: 30_000,
  floodCode: 374,
  userInfoIntervalMs: 5 * 60_000,
  folderListIntervalMs: 30_000,
  allFilesListIntervalMs: 60 * 60_000,
  banAfterErrors: 0,
  banWindowMs: 60_000,
  banMs: 60 * 60_000,
}

/** Behaviours the public sources disagree on; each default is the likeliest reading. */
export interface BehaviourSwitches {
  /** Missing or unknown key: `Not authenticated #247` (401, default) or `No such user #93` (403). */
  authError: 'not-authenticated' | 'no-such-user'
  /** `folder/rm.cgi` on a non-empty folder: refuse with KO (default) or delete everything under it. */
  folderRmPolicy: 'refuse' | 'recursive'
  /** Zero-byte file parts in `upload.cgi`: dropped like a missing file (default) or stored. */
  zeroByteUploads: 'reject' | 'accept'
  /** Shuffle JSON key order on every answer, as observed on the real API. */
  shuffleKeys: boolean
  /** MIME key in `file/info.cgi`: `content-type` (default, what clients read) or `content_type`. */
  fileInfoMimeKey: 'content-type' | 'content_type'
  /** `folder/mkdir.cgi` with a sibling of the same name: create a duplicate (default) or refuse. */
  mkdirDuplicates: 'allow' | 'refuse'
  /** Empty `sub_folders` / `items`: send `[]` (default) or leave the key out. */
  emptyLists: 'empty' | 'omit'
  /** HTTP status of a successful `upload.cgi`: 302 to `/end.pl` (default) or 200 with the report page. */
  uploadSuccessStatus: 302 | 200
  /** Reject quoted multipart boundaries and `filename*=` parameters, as some clients report. */
  strictMultipart: boolean
  /** Refuse a link whose domain differs from the one the file was uploaded under. */
  strictDomain: boolean
  /** How long `end.pl` keeps an upload report. */
  endPlTtlMs: number
  /** How long a remote-upload job waits before it runs. */
  remoteDelayMs: number
  /** HTTP status when an account opens more download connections than allowed. */
  connectionLimitStatus: number
  /** Refuse a key used from a second IP within this time (`Only 1 location allowed at a time #887`); 0 = off. */
  oneLocationMs: number
  /**
   * A file uploaded through a node is not downloadable at once: for the first half of this time
   * `get_token.cgi` answers HTTP 200 with `status: "KO"`, until its end the download URL answers 404.
   */
  freshUploadDelayMs: number
  /** Share (0–1) of files whose first download request gets a 200 `text/html` page instead of the file. */
  htmlFirstRequestRate: number
  /** A burst of `file/info.cgi` from one account answers `Owner locked #649` for a while; null = off. */
  fileInfoBurst: FileInfoBurstRule | null
}

export const DEFAULT_SWITCHES: BehaviourSwitches = {
  authError: 'not-authenticated',
  folderRmPolicy: 'refuse',
  zeroByteUploads: 'reject',
  shuffleKeys: false,
  fileInfoMimeKey: 'content-type',
  mkdirDuplicates: 'allow',
  emptyLists: 'empty',
  uploadSuccessStatus: 302,
  strictMultipart: false,
  strictDomain: false,
  endPlTtlMs: 2 * 60 * 60_000,
  remoteDelayMs: 0,
  connectionLimitStatus: 403,
  oneLocationMs: 0,
  freshUploadDelayMs: 3000,
  htmlFirstRequestRate: 0,
  fileInfoBurst: { max: 8, windowMs: 5_000, lockMs: 60_000 },
}

export interface EmulatorOptions extends Partial<BehaviourSwitches> {
  /** 0 (default) = a random free port. */
  port?: number
  /** Bind address, default 127.0.0.1. */
  host?: string
  /** Accounts: each key is one account. */
  keys?: EmulatorKey[]
  /** Uploaded files and state persist here and survive a restart; default: a temp dir removed on stop. */
  dataDir?: string
  /** PEM certificate and key: serve HTTPS. */
  tls?: { cert: string | Buffer; key: string | Buffer }
  /** Host names advertised for nodes (`upN.<name>`, `a-N.<name>`) instead of the emulator's own host:port. */
  publicHosts?: string[]
  /** Port appended to advertised public host names (none by default: a proxy or DNS override on 80/443). */
  publicPort?: number
  seed?: 'demo'
  /** Default: on, with 1fichier's limits. */
  rateLimits?: boolean | Partial<RateLimitOptions>
  /** Lifetime of a download token, default 5 min. */
  tokenTtlMs?: number
  /** Simultaneous download connections per account, default 30. */
  maxConnections?: number
}

export const DEMO_KEY = 'DemoKeyDemoKeyDemoKeyDemoKey0001'

/** The alternate domains a file may live on, by `domain` id. */
export const DOMAINS = [
  '1fichier.com',
  'alterupload.com',
  'cjoint.net',
  'desfichiers.com',
  'dfichiers.com',
  'megadl.fr',
  'mesfichiers.org',
  'piecejointe.net',
  'pjointe.com',
  'tenvoi.com',
  'dl4free.com',
] as const
