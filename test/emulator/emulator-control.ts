import { readFileSync, writeFileSync } from 'node:fs'
import { ApiRefusalError } from './api-error'
import type { FailRule, HtmlPageRule, StallRule, WrongLengthRule } from './faults'
import { newDirId, newFileId } from './ids'
import {
  DEFAULT_RATE_LIMITS,
  type BehaviourSwitches,
  type EmulatorKey,
  type RateLimitOptions,
} from './options'
import type { FileRecord, FolderRecord } from './records'
import type { EmulatorRuntime } from './runtime'
import { ROOT_ID } from './state-store'
import { emptyStats, type EmulatorStats } from './stats'
import { whirlpool } from './whirlpool'

export interface CreateFolderInput {
  key: string
  parentId?: number
  name: string
  password?: string
}

export interface CreateFileInput {
  key: string
  folderId?: number
  name: string
  /** Size of a synthetic file when neither `content` nor `synthetic` is given. */
  size?: number
  content?: Buffer | string
  synthetic?: { size: number; seed?: number }
  password?: string
  domain?: number
}

export interface CreatedFile {
  url: string
  id: string
  /** Known at once for stored content; synthetic files get theirs on first need. */
  checksum?: string
  size: number
  /** The seed of a synthetic file: `syntheticBytes(seed, size, start, end)` gives its bytes. */
  seed?: number
}

export interface FileSummary {
  id: string
  url: string
  name: string
  size: number
  folderId: number
  synthetic: boolean
  /** Set for synthetic files. */
  seed?: number
  pass: boolean
  checksum?: string
}

export interface FolderSummary {
  id: number
  parentId: number
  name: string
  sharedUrl?: string
}

/** Test-side control of a running emulator: state set-up, fault injection, inspection and statistics. */
export class EmulatorControl {
  constructor(private readonly rt: EmulatorRuntime) {}

  private account(key: string): string {
    if (!this.rt.store.accounts.has(key)) throw new Error(`unknown key ${key}`)
    return key
  }

  private folder(key: string, id: number): FolderRecord {
    const folder = this.rt.store.folderOf(key, id)
    if (!folder) throw new Error(`unknown folder ${id}`)
    return folder
  }

  addKey(entry: EmulatorKey): void {
    this.rt.store.ensureAccount(entry)
    this.rt.store.save()
  }

  createFolder(input: CreateFolderInput): { id: number } {
    const key = this.account(input.key)
    this.folder(key, input.parentId ?? ROOT_ID)
    const folder = this.rt.store.createFolder(key, input.parentId ?? ROOT_ID, input.name)
    if (input.password) folder.pass = input.password
    this.rt.store.save()
    return { id: folder.id }
  }

  async createFile(input: CreateFileInput): Promise<CreatedFile> {
    const key = this.account(input.key)
    const folderId = input.folderId ?? ROOT_ID
    this.folder(key, folderId)
    const common = {
      owner: key,
      folderId,
      name: input.name,
      domain: input.domain ?? 0,
      ...(input.password ? { pass: input.password } : {}),
    }
    let file: FileRecord
    if (input.content !== undefined) {
      const bytes = typeof input.content === 'string' ? Buffer.from(input.content, 'utf8') : input.content
      const blob = `${newFileId()}.bin`
      writeFileSync(this.rt.store.blobPath(blob), bytes)
      file = this.rt.store.addFile({
        ...common,
        size: bytes.length,
        content: { kind: 'stored', blob },
        checksum: await whirlpool(bytes),
      })
    } else {
      const size = input.synthetic?.size ?? input.size ?? 0
      const seed = input.synthetic?.seed ?? Math.floor(Math.random() * 2 ** 31)
      file = this.rt.store.addFile({ ...common, size, content: { kind: 'synthetic', seed } })
    }
    this.rt.store.save()
    const created: CreatedFile = { url: this.rt.fileLink(file), id: file.id, size: file.size }
    if (file.checksum) created.checksum = file.checksum
    if (file.content.kind === 'synthetic') created.seed = file.content.seed
    return created
  }

  /** Shares a folder publicly (`/dir/<id>`); returns its public URL and the URL this emulator serves it at. */
  shareFolder(input: { key: string; folderId: number; password?: string }): {
    url: string
    dirId: string
    localUrl: string
  } {
    const folder = this.folder(this.account(input.key), input.folderId)
    if (folder.id === ROOT_ID) throw new Error('the root folder cannot be shared')
    folder.share = {
      dirId: folder.share?.dirId ?? newDirId(),
      ...(input.password ? { pass: input.password } : {}),
    }
    this.rt.store.save()
    return {
      url: `https://1fichier.com/dir/${folder.share.dirId}`,
      dirId: folder.share.dirId,
      localUrl: `${this.rt.origin}/dir/${folder.share.dirId}`,
    }
  }

  /** The Whirlpool of a file (computed now for synthetic files). */
  checksum(id: string): Promise<string> {
    const file = this.rt.store.files.get(id)
    if (!file) throw new Error(`unknown file ${id}`)
    return this.rt.store.checksumOf(file)
  }

  listFiles(key: string): FileSummary[] {
    return this.rt.store.filesOf(key).map((file) => ({
      id: file.id,
      url: this.rt.fileLink(file),
      name: file.name,
      size: file.size,
      folderId: file.folderId,
      synthetic: file.content.kind === 'synthetic',
      ...(file.content.kind === 'synthetic' ? { seed: file.content.seed } : {}),
      pass: file.pass !== undefined,
      ...(file.checksum ? { checksum: file.checksum } : {}),
    }))
  }

  listFolders(key: string): FolderSummary[] {
    return [...this.rt.store.folders.values()]
      .filter((folder) => folder.owner === key)
      .map((folder) => ({
        id: folder.id,
        parentId: folder.parentId,
        name: folder.name,
        ...(folder.share ? { sharedUrl: `https://1fichier.com/dir/${folder.share.dirId}` } : {}),
      }))
  }

  /** The bytes of a stored (non-synthetic) file of `key`. */
  readFile(key: string, id: string): Buffer {
    const file = this.rt.store.files.get(id)
    if (!file || file.owner !== key) throw new Error(`unknown file ${id}`)
    if (file.content.kind !== 'stored') throw new Error('synthetic file: use syntheticBytes()')
    return readFileSync(this.rt.store.blobPath(file.content.blob))
  }

  failNext(rule: FailRule): void {
    this.rt.faults.failNext(rule)
  }

  resetDownloadAfter(bytes: number, times = 1): void {
    this.rt.faults.resetDownloadAfter(bytes, times)
  }

  stallNext(rule: StallRule = {}): void {
    this.rt.faults.stallNext(rule)
  }

  /** Serves the next `times` downloads at `bytesPerSecond`. */
  drip(bytesPerSecond: number, times = 1): void {
    this.rt.faults.drip(bytesPerSecond, times)
  }

  /** Caps every download connection at `bytesPerSecond` (0 = no cap). */
  setSpeedCap(bytesPerSecond: number): void {
    this.rt.speedCap = Math.max(0, bytesPerSecond)
  }

  /** Simultaneous download connections allowed per account. */
  setMaxConnections(count: number): void {
    this.rt.maxConnections = count
  }

  wrongLengthNext(rule: WrongLengthRule = {}): void {
    this.rt.faults.wrongLengthNext(rule)
  }

  /** The next download request(s) get a web page (`too-fast`, `maintenance`, `redirect-db`, `vpn`). */
  htmlPageNext(rule: HtmlPageRule): void {
    this.rt.faults.htmlPageNext(rule)
  }

  endPlWait(times = 1): void {
    this.rt.faults.endPlWait += times
  }

  endPlEmptyLinks(times = 1): void {
    this.rt.faults.endPlEmptyLinks += times
  }

  loseUploadNode(times = 1): void {
    this.rt.faults.loseUploadNode += times
  }

  expireAllTokens(): void {
    for (const token of this.rt.tokens.values()) token.expiresAt = 0
  }

  setTokenTtl(ms: number): void {
    this.rt.tokenTtlMs = ms
  }

  /** Locks every client out of the API for `ms` (answers `Flood detected: IP Locked`). */
  floodLockNow(ms: number): void {
    this.rt.limiter.lockAll(ms, Date.now())
    this.rt.stats.floodLocks++
  }

  /** Turns the rate limits on/off or changes them (this also forgets past calls and locks). */
  setRateLimits(limits: boolean | Partial<RateLimitOptions>): void {
    this.rt.limiter.clear()
    if (typeof limits === 'boolean') {
      this.rt.limiter.enabled = limits
      return
    }
    this.rt.limiter.enabled = true
    this.rt.limiter.options = { ...DEFAULT_RATE_LIMITS, ...this.rt.limiter.options, ...limits }
  }

  /** Changes behaviour switches at run time. */
  setSwitches(switches: Partial<BehaviourSwitches>): void {
    Object.assign(this.rt.switches, switches)
  }

  /** Drops every pending fault, the speed cap and rate-limit history. */
  reset(): void {
    this.rt.faults.reset()
    this.rt.speedCap = 0
    this.rt.limiter.clear()
    this.rt.fileInfoBursts.clear()
  }

  stats(): EmulatorStats {
    return structuredClone(this.rt.stats)
  }

  resetStats(): void {
    const active = this.rt.stats.activeConnections
    this.rt.stats = emptyStats()
    this.rt.stats.activeConnections = active
  }
}

const HTTP_METHODS = new Set([
  'addKey',
  'createFolder',
  'createFile',
  'shareFolder',
  'checksum',
  'listFiles',
  'listFolders',
  'readFile',
  'failNext',
  'resetDownloadAfter',
  'stallNext',
  'drip',
  'setSpeedCap',
  'setMaxConnections',
  'wrongLengthNext',
  'htmlPageNext',
  'endPlWait',
  'endPlEmptyLinks',
  'loseUploadNode',
  'expireAllTokens',
  'setTokenTtl',
  'floodLockNow',
  'setRateLimits',
  'setSwitches',
  'reset',
  'stats',
  'resetStats',
])

/**
 * Runs a control method named in `/__emulator/<method>`. The JSON body is either `{"args":[…]}` or the
 * single argument; `createFile` takes `content` as text or `contentBase64`; `readFile` answers `{base64}`.
 */
export async function invokeControl(
  control: EmulatorControl,
  method: string,
  body: unknown,
): Promise<unknown> {
  if (!HTTP_METHODS.has(method)) throw new ApiRefusalError(404, 'Unknown control method', 1)
  const record = (body ?? {}) as Record<string, unknown>
  const args = Array.isArray(record.args) ? (record.args as unknown[]) : body === undefined ? [] : [body]
  if (method === 'createFile' && typeof (args[0] as Record<string, unknown>)?.contentBase64 === 'string') {
    const input = args[0] as Record<string, unknown>
    input.content = Buffer.from(input.contentBase64 as string, 'base64')
    delete input.contentBase64
  }
  const target = control as unknown as Record<string, (...values: unknown[]) => unknown>
  const result = await (target[method] as (...values: unknown[]) => unknown).apply(control, args)
  if (Buffer.isBuffer(result)) return { base64: result.toString('base64') }
  return result ?? { status: 'OK' }
}
