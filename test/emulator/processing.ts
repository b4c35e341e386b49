import type { FileRecord } from './records'
import type { EmulatorRuntime } from './runtime'

/**
 * Where a fresh upload is in 1fichier's processing: during the first half of `freshUploadDelayMs`
 * no download token is given (`token`), then the download URL still answers 404 (`download`);
 * null once the file is ready.
 */
export function processingPhase(
  rt: EmulatorRuntime,
  file: FileRecord,
  now: number,
): 'token' | 'download' | null {
  if (file.readyAt === undefined || now >= file.readyAt) return null
  const delay = rt.switches.freshUploadDelayMs
  return now < file.readyAt - delay / 2 ? 'token' : 'download'
}

/** Marks a file just received by an upload node as still being processed. */
export function markFresh(rt: EmulatorRuntime, file: FileRecord, now: number): void {
  if (rt.switches.freshUploadDelayMs > 0) file.readyAt = now + rt.switches.freshUploadDelayMs
}
