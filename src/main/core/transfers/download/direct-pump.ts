import type { DirectBody } from './direct-body'
import type { PartFile } from './part-file'
import type { ActiveSegment } from './segment-plan'
import type { TokenBucket } from '../token-bucket'
import { diskFailure, TransferFailureError } from '../transfer-failure'

export interface DirectPumpDeps {
  part: PartFile
  limiter: TokenBucket
  signal: AbortSignal
  idleTimeoutMs: number
  /** Bytes written to the part file (counted once written). */
  onWritten(bytes: number): void
}

/**
 * Writes what a `DirectBody` brings for `segment`, up to its end or `until` (the end of the range
 * served), each block at its position. `segment.position` counts the bytes received, as the
 * segment's end may move meanwhile (a hand-off of its tail); bytes past it are never written.
 */
export async function pumpDirect(
  body: DirectBody,
  segment: ActiveSegment,
  until: number,
  deps: DirectPumpDeps,
): Promise<void> {
  const { part, limiter, signal } = deps
  const idle = setTimeout(
    () => body.destroy(new TransferFailureError('STALLED', 'The download stalled.', { retriable: true })),
    deps.idleTimeoutMs,
  )
  let position = segment.position
  try {
    await body.pipe({
      take: (bytes) => {
        idle.refresh()
        const room = Math.max(0, Math.min(segment.end, until) - segment.position)
        const kept = Math.min(bytes, room)
        segment.position += kept
        return kept
      },
      wantsMore: () => segment.position < Math.min(segment.end, until),
      throttle: (bytes) => (limiter.rate > 0 ? limiter.take(bytes, signal) : null),
      write: async (block) => {
        const at = position
        position += block.length
        await part.write([block], at).catch((error: unknown) => {
          throw diskFailure(error, part.partPath)
        })
        deps.onWritten(block.length)
      },
    })
  } finally {
    clearTimeout(idle)
  }
}
