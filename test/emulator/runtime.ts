import type { IncomingMessage } from 'node:http'
import { FaultBook } from './faults'
import { DOMAINS, type BehaviourSwitches } from './options'
import type { FileRecord } from './records'
import type { RateLimiter } from './rate-limiter'
import type { StateStore } from './state-store'
import { emptyStats, type EmulatorStats } from './stats'
import { FileInfoBursts } from './file-info-burst'

export interface DownloadToken {
  path: string
  fileId: string
  owner: string
  expiresAt: number
  single: boolean
  used: boolean
  inline: boolean
  /** The download node serving this token (each node has its own ETag for the same file). */
  node: number
}

/** Shared state of a running emulator: what every request handler reads and changes. */
export class EmulatorRuntime {
  readonly faults = new FaultBook()
  stats: EmulatorStats = emptyStats()
  readonly tokens = new Map<string, DownloadToken>()
  readonly connections = new Map<string, number>()
  speedCap = 0
  port = 0
  private nodeCounter = 0
  private downloadNodeCounter = 0
  /** Files whose first download request was already answered (for `htmlFirstRequestRate`). */
  readonly servedFiles = new Set<string>()
  readonly fileInfoBursts = new FileInfoBursts()

  constructor(
    readonly store: StateStore,
    readonly switches: BehaviourSwitches,
    readonly limiter: RateLimiter,
    readonly scheme: 'http' | 'https',
    readonly bindHost: string,
    readonly publicHosts: string[],
    readonly publicPort: number | undefined,
    public tokenTtlMs: number,
    public maxConnections: number,
  ) {}

  /** host:port of this server as a client reaches it. */
  ownHost(req?: IncomingMessage): string {
    const wildcard = this.bindHost === '0.0.0.0' || this.bindHost === '::'
    if (wildcard && req?.headers.host) return req.headers.host
    const host = this.bindHost.includes(':') ? `[${this.bindHost}]` : this.bindHost
    return `${wildcard ? '127.0.0.1' : host}:${this.port}`
  }

  get origin(): string {
    return `${this.scheme}://${this.ownHost()}`
  }

  /** The bare host advertised for an upload (`up`) or download (`a`) node. */
  nodeHost(kind: 'up' | 'a', req?: IncomingMessage): string {
    if (this.publicHosts.length === 0) return this.ownHost(req)
    const index = this.nodeCounter++
    const base = this.publicHosts[index % this.publicHosts.length] as string
    const number = (index % 12) + 1
    const name = kind === 'up' ? `up${number}.${base}` : `a-${number}.${base}`
    return this.publicPort === undefined ? name : `${name}:${this.publicPort}`
  }

  /** The next download node (1–12, in turn) a token is issued on. */
  nextDownloadNode(): number {
    this.downloadNodeCounter = (this.downloadNodeCounter % 12) + 1
    return this.downloadNodeCounter
  }

  fileLink(file: FileRecord): string {
    return `https://${DOMAINS[file.domain] ?? DOMAINS[0]}/?${file.id}`
  }

  /** Finds the file a public link names (any 1fichier domain, `?id`, `&af=` suffixes, old `id.domain` form). */
  resolveLink(url: string): FileRecord | undefined {
    const text = url.trim()
    let id: string | undefined
    let domain: string | undefined
    const query = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9.-]+)\/?\?([a-z0-9]{5,20})(?:[&#/]|$)/i.exec(text)
    const old = /^(?:https?:\/\/)?([a-z0-9]{5,20})\.([a-z0-9-]+\.[a-z]+)\/?$/i.exec(text)
    if (query) {
      domain = query[1]?.toLowerCase()
      id = query[2]?.toLowerCase()
    } else if (old) {
      id = old[1]?.toLowerCase()
      domain = old[2]?.toLowerCase()
    } else if (/^[a-z0-9]{5,20}$/i.test(text)) {
      id = text.toLowerCase()
    }
    if (!id) return undefined
    const file = this.store.files.get(id)
    if (!file) return undefined
    if (domain !== undefined && !(DOMAINS as readonly string[]).includes(domain)) return undefined
    if (this.switches.strictDomain && domain !== undefined && domain !== DOMAINS[file.domain])
      return undefined
    return file
  }

  countRequest(key: string): void {
    this.stats.requests[key] = (this.stats.requests[key] ?? 0) + 1
  }
}
