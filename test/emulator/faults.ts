import type { HtmlPageKind } from './html-pages'

/** Answer the next `times` requests to `path` with this status/body instead of the real one. */
export interface FailRule {
  /** A pathname (`/v1/file/ls.cgi`, `/upload.cgi`, `/end.pl`), a prefix ending in `*`, or `download` for token URLs. */
  path: string
  times?: number
  status: number
  body?: string | Record<string, unknown> | unknown[]
  headers?: Record<string, string>
}

/** Hold the next `times` answers to `path`: for `ms` (forever when absent) — downloads after `afterBytes` body bytes. */
export interface StallRule {
  path?: string
  times?: number
  ms?: number
  afterBytes?: number
}

/** Declare a length off by `delta` on the next `times` downloads (negative: the body is cut to match). */
export interface WrongLengthRule {
  times?: number
  delta?: number
}

/** Answer the next `times` download requests with a web page of this kind instead of the file. */
export interface HtmlPageRule {
  kind: HtmlPageKind
  times?: number
}

interface Counted<T> {
  rule: T
  left: number
}

/** What a download response must do wrong this time. */
export interface DownloadFaults {
  resetAfter?: number
  stall?: StallRule
  dripBytesPerSecond?: number
  wrongLengthDelta?: number
}

export function pathMatches(pattern: string, path: string, isDownload: boolean): boolean {
  if (pattern === 'download') return isDownload
  if (pattern.endsWith('*')) return path.startsWith(pattern.slice(0, -1))
  return pattern === path
}

function take<T>(list: Counted<T>[], predicate: (rule: T) => boolean): T | undefined {
  const index = list.findIndex((entry) => predicate(entry.rule))
  if (index < 0) return undefined
  const entry = list[index] as Counted<T>
  entry.left -= 1
  if (entry.left <= 0) list.splice(index, 1)
  return entry.rule
}

/** Injected faults, consumed by the request handlers. */
export class FaultBook {
  private fails: Counted<FailRule>[] = []
  private stalls: Counted<StallRule>[] = []
  private resets: Counted<number>[] = []
  private drips: Counted<number>[] = []
  private wrongLengths: Counted<WrongLengthRule>[] = []
  private htmlPages: Counted<HtmlPageKind>[] = []
  endPlWait = 0
  endPlEmptyLinks = 0
  loseUploadNode = 0

  failNext(rule: FailRule): void {
    this.fails.push({ rule, left: rule.times ?? 1 })
  }

  stallNext(rule: StallRule): void {
    this.stalls.push({ rule, left: rule.times ?? 1 })
  }

  resetDownloadAfter(bytes: number, times = 1): void {
    this.resets.push({ rule: bytes, left: times })
  }

  drip(bytesPerSecond: number, times = 1): void {
    this.drips.push({ rule: bytesPerSecond, left: times })
  }

  wrongLengthNext(rule: WrongLengthRule = {}): void {
    this.wrongLengths.push({ rule, left: rule.times ?? 1 })
  }

  htmlPageNext(rule: HtmlPageRule): void {
    this.htmlPages.push({ rule: rule.kind, left: rule.times ?? 1 })
  }

  takeHtmlPage(): HtmlPageKind | undefined {
    return take(this.htmlPages, () => true)
  }

  takeFail(path: string, isDownload: boolean): FailRule | undefined {
    return take(this.fails, (rule) => pathMatches(rule.path, path, isDownload))
  }

  /** A stall for a non-download path (downloads take theirs with `takeDownloadFaults`). */
  takeStall(path: string): StallRule | undefined {
    return take(
      this.stalls,
      (rule) => rule.path !== undefined && rule.path !== 'download' && pathMatches(rule.path, path, false),
    )
  }

  takeDownloadFaults(): DownloadFaults {
    const faults: DownloadFaults = {}
    const resetAfter = take(this.resets, () => true)
    if (resetAfter !== undefined) faults.resetAfter = resetAfter
    const stall = take(this.stalls, (rule) => rule.path === undefined || rule.path === 'download')
    if (stall) faults.stall = stall
    const drip = take(this.drips, () => true)
    if (drip !== undefined) faults.dripBytesPerSecond = drip
    const wrong = take(this.wrongLengths, () => true)
    if (wrong) faults.wrongLengthDelta = wrong.delta ?? -1
    return faults
  }

  takeCounter(name: 'endPlWait' | 'endPlEmptyLinks' | 'loseUploadNode'): boolean {
    if (this[name] <= 0) return false
    this[name] -= 1
    return true
  }

  reset(): void {
    this.fails = []
    this.stalls = []
    this.resets = []
    this.drips = []
    this.wrongLengths = []
    this.htmlPages = []
    this.endPlWait = 0
    this.endPlEmptyLinks = 0
    this.loseUploadNode = 0
  }
}
