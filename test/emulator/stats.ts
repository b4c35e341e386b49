/** The JSON of `GET /__emulator/stats`. */
export interface EmulatorStats {
  /** Request count per endpoint path (token URLs count as `/download`, public folders as `/dir`). */
  requests: Record<string, number>
  /** Body bytes sent by download nodes. */
  bytesServed: number
  /** Body bytes received by upload nodes. */
  bytesReceived: number
  /** Flood locks started (per-IP flood and `floodLockNow`). */
  floodLocks: number
  /** Calls refused by a rate limit (flood lock, user/info or listing intervals). */
  rateLimited: number
  /** Download connections open now. */
  activeConnections: number
  peakConnections: number
  /** Download connections refused by the per-account cap. */
  refusedConnections: number
  tokensIssued: number
  /** Download responses started (200/206). */
  downloads: number
  /** Files stored by upload nodes. */
  filesUploaded: number
  /** Download responses by status. */
  downloadStatuses: Record<string, number>
}

export function emptyStats(): EmulatorStats {
  return {
    requests: {},
    bytesServed: 0,
    bytesReceived: 0,
    floodLocks: 0,
    rateLimited: 0,
    activeConnections: 0,
    peakConnections: 0,
    refusedConnections: 0,
    tokensIssued: 0,
    downloads: 0,
    filesUploaded: 0,
    downloadStatuses: {},
  }
}
