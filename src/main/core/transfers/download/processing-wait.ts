import { unknownAnswerStatus } from '../../fichier/fichier-error'
import type { Clock } from '../../lib/clock'
import { TransferFailureError } from '../transfer-failure'

export const PROCESSING_NOTE = '1fichier is still processing this file; the download starts once it is ready.'

/** How long a download waits for 1fichier to finish processing a fresh upload. */
export const PROCESSING_LIMIT_MS = 120_000

/** Whether a failed `get_token` says the file is not downloadable yet: HTTP 200 with `status: "KO"`. */
export function isNotReadyToken(error: unknown): boolean {
  return unknownAnswerStatus(error) === 200
}

/**
 * Bounded patience while 1fichier processes a file (rclone retries `get_token.cgi` until it answers
 * OK): waits 1 s, 2 s, 4 s … up to 15 s between tries, and gives up after `limitMs` with a retriable
 * failure, so the transfer is tried again later rather than failed for good.
 */
export class ProcessingWait {
  #since: number | null = null
  #tries = 0

  constructor(
    private readonly clock: Clock,
    private readonly onNote: (note: string | null) => void,
    private readonly limitMs = PROCESSING_LIMIT_MS,
  ) {}

  get waiting(): boolean {
    return this.#since !== null
  }

  async wait(signal: AbortSignal): Promise<void> {
    const now = this.clock.now()
    if (this.#since === null) {
      this.#since = now
      this.onNote(PROCESSING_NOTE)
    }
    if (now - this.#since >= this.limitMs) {
      throw new TransferFailureError(
        'NOT_READY',
        `1fichier was still processing this file after ${Math.round(this.limitMs / 1000)} s; it will be tried again later.`,
        { retriable: true },
      )
    }
    this.#tries++
    await this.clock.sleep(Math.min(15_000, 1000 * 2 ** (this.#tries - 1)), signal)
  }

  /** The file answered: clear the note. */
  ready(): void {
    if (this.#since === null) return
    this.#since = null
    this.#tries = 0
    this.onNote(null)
  }
}
