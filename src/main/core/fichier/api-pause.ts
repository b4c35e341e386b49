import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import type { Clock } from '../lib/clock'
import { TypedEmitter } from '../lib/typed-emitter'

export const ApiPaused = z.object({ until: z.number().nullable(), reason: z.string() })
export type ApiPaused = z.infer<typeof ApiPaused>

const PauseFile = z.object({ until: z.number(), reason: z.string() })

export const PAUSE_STATE_FILE = 'api-pause.json'

const MAX_TIMER_MS = 2 ** 31 - 1

/**
 * The global pause 1fichier imposes after a flood lock. Remembered in `<stateDir>/api-pause.json`
 * so that a restart during a lock does not hit the API again and extend it.
 */
export class ApiPause {
  readonly #events = new TypedEmitter<{ paused: ApiPaused }>()
  readonly #clock: Clock
  readonly #file: string | null
  #until: number | null = null
  #reason = ''
  #timer: NodeJS.Timeout | null = null

  constructor(clock: Clock, stateDir: string | null) {
    this.#clock = clock
    this.#file = stateDir ? join(stateDir, PAUSE_STATE_FILE) : null
    const saved = this.#read()
    if (saved && saved.until > clock.now()) {
      this.#until = saved.until
      this.#reason = saved.reason
      this.#armResume()
    } else if (saved) {
      this.#forget()
    }
  }

  on(event: 'paused', listener: (payload: ApiPaused) => void): () => void {
    return this.#events.on(event, listener)
  }

  /** When calls may resume (epoch ms), or null when not paused. */
  until(): number | null {
    if (this.#until !== null && this.#until <= this.#clock.now()) this.#resume()
    return this.#until
  }

  reason(): string {
    return this.#reason
  }

  /** Pauses every call until `until`; an earlier end than the current one is ignored. */
  pauseUntil(until: number, reason: string): void {
    if (this.#until !== null && this.#until >= until) return
    this.#until = until
    this.#reason = reason
    this.#write()
    this.#events.emit('paused', { until, reason })
    this.#armResume()
  }

  /** Waits until the pause ends (immediately when not paused). */
  async wait(signal?: AbortSignal): Promise<void> {
    for (let until = this.until(); until !== null; until = this.until()) {
      await this.#clock.sleep(until - this.#clock.now(), signal)
    }
  }

  /** Stops the resume timer (the saved state stays). */
  dispose(): void {
    this.#clearTimer()
  }

  #armResume(): void {
    this.#clearTimer()
    const until = this.#until
    if (until === null) return
    // A plain timer announces the resume on time; `until()` also notices it lazily (injected clocks).
    const timer = setTimeout(
      () => this.until(),
      Math.min(Math.max(0, until - this.#clock.now()), MAX_TIMER_MS),
    )
    timer.unref()
    this.#timer = timer
  }

  #clearTimer(): void {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
  }

  #resume(): void {
    if (this.#until === null) return
    this.#until = null
    this.#reason = ''
    this.#clearTimer()
    this.#forget()
    this.#events.emit('paused', { until: null, reason: '' })
  }

  #read(): z.infer<typeof PauseFile> | null {
    if (!this.#file) return null
    try {
      const parsed = PauseFile.safeParse(JSON.parse(readFileSync(this.#file, 'utf8')))
      return parsed.success ? parsed.data : null
    } catch {
      return null
    }
  }

  #write(): void {
    if (!this.#file || this.#until === null) return
    try {
      mkdirSync(join(this.#file, '..'), { recursive: true })
      const temp = `${this.#file}.${process.pid}.tmp`
      writeFileSync(temp, JSON.stringify({ until: this.#until, reason: this.#reason }))
      renameSync(temp, this.#file)
    } catch {
      // The pause still holds in memory; only its memory across restarts is lost.
    }
  }

  #forget(): void {
    if (this.#file) rmSync(this.#file, { force: true })
  }
}
