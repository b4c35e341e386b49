import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { ApiPause } from './api-pause'
import type { ApiPaused } from './api-pause'
import { ApiTransport, type ApiCallReport, DEFAULT_FLOOD_LOCK } from './api-transport'
import type { CallOptions, FloodLockDurations } from './api-transport'
import { systemClock } from '../lib/clock'
import type { Clock } from '../lib/clock'
import { FichierError } from './fichier-error'
import { FolderPathResolver } from './folder-path'
import { KeyBudgets } from './key-budgets'
import { ListingLimiter } from './listing-limiter'
import type { ListingKeys } from './listing-limiter'
import { OPERATIONS } from './operations'
import type { OperationName } from './operations'
import { DEFAULT_CALLS_PER_SECOND, RequestPacer } from './pacer'
import { checkLinks } from './link-check'
import { publicFolderUrl, readPublicFolder } from './public-folder'
import type { LinkCheck } from '../../../shared/model/link-check'
import { DEFAULT_RETRY_POLICY } from './retry-delay'
import type { RetryPolicy } from './retry-delay'
import { TypedEmitter } from '../lib/typed-emitter'
import { DEFAULT_REPORT_POLICY, Uploader } from './uploader'
import type { ReportPolicy, UploadOptions, UploadResult, UploadSource } from './uploader'
import * as Wire from './wire-schemas'
import type { z } from 'zod'
import { toRemoteName } from '../../../shared/names/remote-name'

export const DEFAULT_API_BASE_URL = 'https://api.1fichier.com/v1'

export interface FichierClientOptions {
  /** Told of every API call once answered (path, outcome, time, attempt), for `--verbose`. */
  onCall?: (call: ApiCallReport) => void
  /** The API base, checked by `resolveApiBaseUrl` (default DEFAULT_API_BASE_URL). */
  baseUrl?: string
  /** The account's key, read for every call (it may change). */
  getKey: () => Promise<string | null> | string | null
  clock?: Clock
  /** Without `budgetDir`, the key budgets live in `<stateDir>/keys`; null keeps them in memory only. */
  stateDir?: string | null
  /**
   * The per-user folder of key budgets (pace, listing clock, flood pause, account details, folder
   * paths), shared with every process using the same key; see `defaultKeysDir`.
   */
  budgetDir?: string | null
  /** API calls per second, all callers together (default 1.9, slower after a flood answer). */
  callsPerSecond?: number
  /** Share one pacer between clients that use the same key. */
  pacer?: RequestPacer
  retry?: Partial<RetryPolicy>
  floodLock?: Partial<FloodLockDurations>
  whenPaused?: 'wait' | 'fail'
  /** `user/info.cgi` answers are reused this long (default and minimum 5 min). */
  userInfoTtlMs?: number
  /** One listing per folder per this long (default 30 s). */
  listingIntervalMs?: number
  report?: Partial<ReportPolicy>
  timeoutMs?: number
  random?: () => number
}

export interface RequestOptions {
  signal?: AbortSignal
}

export interface ListingOptions extends RequestOptions {
  /** Fetch again even if a cached listing exists (still at most one per folder per interval). */
  refresh?: boolean
}

export type Cached<T> = T & { cachedAt: number | null }

/** A call held back by the key's budget: a listing before the folder's 30 s interval is over. */
export interface BudgetWait {
  what: 'listing'
  folderId: number
  ms: number
}

export interface FileAttributes {
  filename?: string
  description?: string
  /** ≥ 6 characters; '' removes the password. */
  password?: string
  noSsl?: boolean
  inline?: boolean
  cdn?: boolean
  acl?: { ip?: string[]; country?: string[]; email?: string[]; premium?: boolean }
}

export interface FolderShare {
  email: string
  rw?: boolean
  hideLinks?: boolean
}

const flag = (value: boolean | undefined): 0 | 1 | undefined =>
  value === undefined ? undefined : value ? 1 : 0

/** Drops undefined fields so they are not sent. */
function defined(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined))
}

const fingerprint = (key: string): string => createHash('sha256').update(key).digest('hex').slice(0, 16)

/** 1fichier's API (v1), one typed method per endpoint, paced, cached and retried as 1fichier requires. */
export class FichierClient {
  readonly #transport: ApiTransport
  readonly #pause: ApiPause
  readonly #clock: Clock
  readonly #listings: ListingLimiter
  readonly #userInfoTtlMs: number
  readonly #waits = new TypedEmitter<{ waiting: BudgetWait }>()
  readonly #uploader: Uploader
  readonly #folderPaths: FolderPathResolver
  readonly #getKey: FichierClientOptions['getKey']

  constructor(options: FichierClientOptions) {
    this.#clock = options.clock ?? systemClock
    this.#getKey = options.getKey
    this.#pause = new ApiPause(this.#clock)
    const baseUrl = options.baseUrl || DEFAULT_API_BASE_URL
    const budgetDir =
      options.budgetDir !== undefined
        ? options.budgetDir
        : options.stateDir
          ? join(options.stateDir, 'keys')
          : null
    this.#transport = new ApiTransport({
      baseUrl,
      getKey: options.getKey,
      clock: this.#clock,
      pacer:
        options.pacer ?? new RequestPacer(this.#clock, options.callsPerSecond ?? DEFAULT_CALLS_PER_SECOND),
      pause: this.#pause,
      budgets: new KeyBudgets(budgetDir, baseUrl, this.#clock),
      retryPolicy: { ...DEFAULT_RETRY_POLICY, ...options.retry },
      floodLock: { ...DEFAULT_FLOOD_LOCK, ...options.floodLock },
      whenPaused: options.whenPaused ?? 'wait',
      timeoutMs: options.timeoutMs ?? 60_000,
      ...(options.random ? { random: options.random } : {}),
      ...(options.onCall ? { onCall: options.onCall } : {}),
    })
    this.#listings = new ListingLimiter(this.#clock, options.listingIntervalMs ?? 30_000)
    this.#userInfoTtlMs = Math.max(options.userInfoTtlMs ?? 5 * 60_000, 5 * 60_000)
    this.#folderPaths = new FolderPathResolver(this, this.#clock, () => this.#transport.budget())
    this.#uploader = new Uploader(
      this.#transport,
      this.#clock,
      (signal) => this.uploadServer({ ...(signal ? { signal } : {}) }),
      {
        ...DEFAULT_REPORT_POLICY,
        ...options.report,
      },
    )
  }

  /** The API base in use. */
  get baseUrl(): string {
    return this.#transport.base.href.replace(/\/$/, '')
  }

  /** `paused` fires with `{ until, reason }` when 1fichier locks us out, and `{ until: null }` on resume. */
  on(event: 'paused', listener: (payload: ApiPaused) => void): () => void
  /** `waiting` fires when a call waits for the key's budget (a folder listed less than 30 s ago). */
  on(event: 'waiting', listener: (payload: BudgetWait) => void): () => void
  on(
    event: 'paused' | 'waiting',
    listener: ((payload: ApiPaused) => void) | ((payload: BudgetWait) => void),
  ): () => void {
    return event === 'paused'
      ? this.#pause.on(event, listener as (payload: ApiPaused) => void)
      : this.#waits.on(event, listener as (payload: BudgetWait) => void)
  }

  /** Takes in the shared budget of the current key (a flood pause another process met). */
  async syncBudget(): Promise<void> {
    await this.#pause.sync(await this.#transport.budget())
  }

  /** When API calls may resume (epoch ms), or null when not paused. */
  pausedUntil(): number | null {
    return this.#pause.until()
  }

  /** Forgets cached answers (after the key changed). */
  clearCaches(): void {
    this.#listings.invalidate()
  }

  close(): void {
    this.#pause.dispose()
  }

  // ── downloads ────────────────────────────────────────────────────────────

  /** A direct download URL (valid about 5 minutes) for a public file link. Premium/Access only. */
  downloadToken(
    link: string,
    options: RequestOptions & {
      password?: string
      single?: boolean
      cdn?: boolean
      inline?: boolean
      noSsl?: boolean
    } = {},
  ): Promise<Wire.DownloadToken> {
    const body = defined({
      url: link,
      pass: options.password || undefined,
      single: flag(options.single),
      cdn: flag(options.cdn),
      inline: flag(options.inline),
      no_ssl: flag(options.noSsl),
    })
    return this.#call('downloadToken', body, Wire.DownloadToken, options)
  }

  // ── files ────────────────────────────────────────────────────────────────

  fileInfo(link: string, options: RequestOptions & { password?: string } = {}): Promise<Wire.FileInfo> {
    return this.#call(
      'fileInfo',
      defined({ url: link, pass: options.password || undefined }),
      Wire.FileInfo,
      options,
    )
  }

  /** Files of a folder (0 = root); served from the listing cache for 30 s. */
  async fileList(
    folderId: number,
    options: ListingOptions & { sentBefore?: string; sentAfter?: string } = {},
  ): Promise<Cached<Wire.FileList>> {
    const body = defined({
      folder_id: folderId,
      sent_before: options.sentBefore,
      sent_after: options.sentAfter,
    })
    const cacheKey = `file/ls:${folderId}:${options.sentBefore ?? ''}:${options.sentAfter ?? ''}`
    const { value, cachedAt } = await this.#listings.get(
      await this.#listingKeys(cacheKey, `file/ls:${folderId}`),
      () => this.#call('fileList', body, Wire.FileList, options),
      await this.#listingOptions(folderId, options),
    )
    return { ...value, cachedAt }
  }

  removeFiles(
    files: ReadonlyArray<{ url: string; code?: string }>,
    options: RequestOptions = {},
  ): Promise<Wire.RemoveResult> {
    const body = { files: files.map((f) => defined({ url: f.url, code: f.code })) }
    return this.#call('fileRemove', body, Wire.RemoveResult, options)
  }

  moveFiles(
    urls: readonly string[],
    destinationFolderId: number,
    options: RequestOptions & { rename?: string; destinationUser?: string } = {},
  ): Promise<Wire.MoveResult> {
    const body = defined({
      urls,
      destination_folder_id: destinationFolderId,
      rename: options.rename === undefined ? undefined : toRemoteName(options.rename),
      destination_user: options.destinationUser,
    })
    return this.#call('fileMove', body, Wire.MoveResult, options)
  }

  copyFiles(
    urls: readonly string[],
    folderId: number,
    options: RequestOptions & { rename?: string; password?: string; sharingUser?: string } = {},
  ): Promise<Wire.CopyResult> {
    const body = defined({
      urls,
      folder_id: folderId,
      rename: options.rename === undefined ? undefined : toRemoteName(options.rename),
      pass: options.password,
      sharing_user: options.sharingUser,
    })
    return this.#call('fileCopy', body, Wire.CopyResult, options)
  }

  renameFiles(
    items: ReadonlyArray<{ url: string; filename: string }>,
    options: RequestOptions = {},
  ): Promise<Wire.RenameResult> {
    return this.#call(
      'fileRename',
      { urls: items.map((i) => ({ url: i.url, filename: toRemoteName(i.filename) })), pretty: 0 },
      Wire.RenameResult,
      options,
    )
  }

  changeAttributes(
    urls: readonly string[],
    attributes: FileAttributes,
    options: RequestOptions = {},
  ): Promise<Wire.ChattrResult> {
    const acl = attributes.acl
    const body = defined({
      urls,
      filename: attributes.filename === undefined ? undefined : toRemoteName(attributes.filename),
      description: attributes.description,
      pass: attributes.password,
      no_ssl: flag(attributes.noSsl),
      inline: flag(attributes.inline),
      cdn: flag(attributes.cdn),
      acl: acl
        ? defined({ ip: acl.ip, country: acl.country, email: acl.email, premium: flag(acl.premium) })
        : undefined,
    })
    return this.#call('fileChattr', body, Wire.ChattrResult, options)
  }

  /** Antivirus scan; `clean: false` with the verdict in `message` when 1fichier found something. */
  scanFile(link: string, options: RequestOptions = {}): Promise<Wire.ScanResult> {
    return this.#call('fileScan', { url: link }, Wire.ScanResult, options)
  }

  // ── folders ──────────────────────────────────────────────────────────────

  /** A folder, its sub-folders and (with `files`) its files; served from the listing cache for 30 s. */
  async folderList(
    folderId: number,
    options: ListingOptions & { files?: boolean; sharingUser?: string } = {},
  ): Promise<Cached<Wire.FolderListing>> {
    const body = defined({
      folder_id: folderId,
      files: flag(options.files),
      sharing_user: options.sharingUser,
    })
    const cacheKey = `folder/ls:${folderId}:${options.files ? 1 : 0}:${options.sharingUser ?? ''}`
    const { value, cachedAt } = await this.#listings.get(
      await this.#listingKeys(cacheKey, `folder/ls:${options.sharingUser ?? ''}:${folderId}`),
      () => this.#call('folderList', body, Wire.FolderListing, options),
      await this.#listingOptions(folderId, options),
    )
    return { ...value, cachedAt }
  }

  makeFolder(
    name: string,
    parentId: number,
    options: RequestOptions & { sharingUser?: string } = {},
  ): Promise<Wire.MakeFolderResult> {
    return this.#call(
      'folderMake',
      defined({ name: toRemoteName(name), folder_id: parentId, sharing_user: options.sharingUser }),
      Wire.MakeFolderResult,
      options,
    )
  }

  shareFolder(
    folderId: number,
    share: { public?: boolean; password?: string; shares?: readonly FolderShare[] },
    options: RequestOptions = {},
  ): Promise<Wire.ShareResult> {
    const body = defined({
      folder_id: folderId,
      share: flag(share.public),
      pass: share.password,
      shares: share.shares?.map((s) => ({
        email: s.email,
        rw: s.rw ? 1 : 0,
        hide_links: s.hideLinks ? 1 : 0,
      })),
    })
    return this.#call('folderShare', body, Wire.ShareResult, options)
  }

  /** Moves a folder, or renames it when `rename` is given (1fichier then ignores the destination). */
  moveFolder(
    folderId: number,
    target: { destinationFolderId?: number; rename?: string; destinationUser?: string },
    options: RequestOptions = {},
  ): Promise<Wire.MoveFolderResult> {
    const body = defined({
      folder_id: folderId,
      destination_folder_id: target.destinationFolderId,
      destination_user: target.destinationUser,
      rename: target.rename === undefined ? undefined : toRemoteName(target.rename),
    })
    return this.#call('folderMove', body, Wire.MoveFolderResult, options)
  }

  removeFolder(folderId: number, options: RequestOptions = {}): Promise<Wire.RemoveFolderResult> {
    return this.#call('folderRemove', { folder_id: folderId }, Wire.RemoveFolderResult, options)
  }

  /** The id of `segments` under `parentId`, reusing existing folders (exact names) and creating missing ones. */
  ensureFolderPath(
    parentId: number,
    segments: readonly string[],
    options: RequestOptions = {},
  ): Promise<number> {
    return this.#folderPaths.ensure(parentId, segments, options.signal)
  }

  /**
   * The id of the folder at `segments` under `parentId`, or null when it does not exist; folders
   * already resolved by any process using the key are not listed again.
   */
  findFolderPath(
    parentId: number,
    segments: readonly string[],
    options: RequestOptions = {},
  ): Promise<number | null> {
    return this.#folderPaths.find(parentId, segments, options.signal)
  }

  /** The id of `segments` under `parentId` when it was resolved recently (no call is made), else null. */
  knownFolderPath(parentId: number, segments: readonly string[]): Promise<number | null> {
    return this.#folderPaths.known(parentId, segments)
  }

  // ── account ──────────────────────────────────────────────────────────────

  /**
   * The account behind the key, reused for at least 5 minutes (1fichier locks more frequent readers).
   * `key` checks another key than the account's (nothing is cached for it unless it succeeds).
   */
  async userInfo(options: ListingOptions & { key?: string } = {}): Promise<Cached<Wire.UserInfo>> {
    const key = options.key ?? (await this.#getKey())
    const store = await this.#transport.budget(key ?? undefined)
    const shared = await store.read()
    const now = this.#clock.now()
    const saved = shared.userInfo ? Wire.StoredUserInfo.safeParse(shared.userInfo.value) : null
    const hit =
      saved?.success && shared.userInfo && !options.refresh && now - shared.userInfo.at < this.#userInfoTtlMs
        ? { value: saved.data, storedAt: shared.userInfo.at }
        : undefined
    if (hit) return { ...hit.value, cachedAt: hit.storedAt }
    const blocked = shared.userInfoBlockedUntil
    if (blocked > now) {
      throw new FichierError(
        'RATE_LIMITED',
        '1fichier allows reading the account details only once every 5 minutes. Try again later.',
        {
          retriable: true,
          until: blocked,
        },
      )
    }
    try {
      const info = await this.#call('userInfo', {}, Wire.UserInfo, { ...options, ...(key ? { key } : {}) })
      await store.update((state) => {
        state.userInfo = { at: this.#clock.now(), value: info }
      })
      return { ...info, cachedAt: null }
    } catch (error) {
      if (error instanceof FichierError && error.code === 'RATE_LIMITED' && error.serverCode === 38) {
        const latest = await store.update((state) => {
          state.userInfoBlockedUntil = this.#clock.now() + 5 * 60_000
          return state.userInfo
        })
        // Another process read it a moment ago (that read is why this one was refused): answer with it.
        const fresh = latest && latest.at >= now ? Wire.StoredUserInfo.safeParse(latest.value) : null
        if (fresh?.success && latest) return { ...fresh.data, cachedAt: latest.at }
      }
      throw error
    }
  }

  // ── uploads ──────────────────────────────────────────────────────────────

  /** A fresh upload node and upload id. Works without a key. */
  uploadServer(options: RequestOptions = {}): Promise<Wire.UploadServer> {
    return this.#call('uploadServer', {}, Wire.UploadServer, options)
  }

  /** Uploads one file on a fresh node; a failed upload restarts on another node (never the same POST). */
  async upload(source: UploadSource, options: UploadOptions = {}): Promise<UploadResult> {
    try {
      return await this.#uploader.upload(source, options)
    } finally {
      this.#listings.invalidate()
    }
  }

  /** The result of an upload already sent to `node` as `xid` (journaled before the POST), or null. */
  collectUpload(
    node: string,
    xid: string,
    options: RequestOptions & Partial<ReportPolicy> = {},
  ): Promise<UploadResult | null> {
    const { signal, ...policy } = options
    return this.#uploader.collect(node, xid, policy, signal)
  }

  // ── remote uploads ───────────────────────────────────────────────────────

  remoteRequest(
    urls: readonly string[],
    folderId: number,
    options: RequestOptions & { headers?: Record<string, string> } = {},
  ): Promise<Wire.RemoteRequestResult> {
    return this.#call(
      'remoteRequest',
      defined({ urls, folder_id: folderId, headers: options.headers }),
      Wire.RemoteRequestResult,
      options,
    )
  }

  remoteJobs(options: RequestOptions = {}): Promise<Wire.RemoteJob[]> {
    return this.#call('remoteList', {}, Wire.RemoteJobList, options)
  }

  remoteInfo(jobId: number, options: RequestOptions = {}): Promise<Wire.RemoteJobInfo> {
    return this.#call('remoteInfo', { id: jobId }, Wire.RemoteJobInfo, options)
  }

  // ── website ──────────────────────────────────────────────────────────────

  /** The files of a public folder link (`https://1fichier.com/dir/<id>` or the bare id). */
  publicFolder(
    folder: string,
    options: RequestOptions & { password?: string } = {},
  ): Promise<Wire.PublicFolderEntry[]> {
    const url = publicFolderUrl(this.#transport.base, folder)
    return readPublicFolder(this.#transport, url, options.password, options.signal)
  }

  /** Name, size and state of file links from 1fichier's mass link check (no key, no API budget per link). */
  checkLinks(urls: readonly string[], options: RequestOptions = {}): Promise<LinkCheck[]> {
    return checkLinks(this.#transport, urls, options.signal)
  }

  async #listingKeys(cacheKey: string, clockKey: string): Promise<ListingKeys> {
    const key = await this.#getKey()
    return { cache: `${key ? fingerprint(key) : 'none'}:${cacheKey}`, clock: clockKey }
  }

  async #listingOptions(folderId: number, options: ListingOptions) {
    return {
      refresh: options.refresh,
      signal: options.signal,
      store: await this.#transport.budget(),
      onWait: (ms: number) => this.#waits.emit('waiting', { what: 'listing', folderId, ms }),
    }
  }

  async #call<S extends z.ZodType>(
    name: OperationName,
    body: Record<string, unknown>,
    schema: S,
    options: CallOptions,
  ): Promise<z.output<S>> {
    const op = OPERATIONS[name]
    const callOptions: CallOptions = {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.key ? { key: options.key } : {}),
    }
    try {
      const json = await this.#transport.call(op, body, callOptions)
      const parsed = schema.safeParse(json)
      if (!parsed.success) {
        throw new FichierError('PROTOCOL', `1fichier answered ${op.path} in an unexpected shape.`, {
          cause: new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')),
        })
      }
      return parsed.data
    } catch (error) {
      // A remembered folder that is gone: resolve paths afresh.
      if (name === 'folderList' && error instanceof FichierError && error.code === 'NOT_FOUND')
        await this.#folderPaths.forget()
      throw error
    } finally {
      if (op.mutates) this.#listings.invalidate()
      if (name === 'folderMove' || name === 'folderRemove') await this.#folderPaths.forget()
    }
  }
}
