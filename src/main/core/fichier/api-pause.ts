import { z } from 'zod'
import type { Clock } from '../lib/clock'
import { TypedEmitter } from '../lib/typed-emitter'
import type { BudgetStore } from './budget-store'
import type { BudgetState } from './budget-state'

export const ApiPaused = z.object({ until: z.number().nullable(), reason: z.string() })
export type ApiPaused = z.infer<typeof ApiPaused>

/** A flood pause that starts within this long of the previous one's end is a repeat: it lasts twice as long. */
const REPEAT_WINDOW_MS = 10 * 60_000
const MAX_DOUBLINGS = 4
/** How long the process checking that a pause is over has before another one may check. */
const PROBE_LEASE_MS = 30_000
/** How often a process waiting for another one's check looks again. */
const PROBE_POLL_MS = 500

export interface GateOptions {
  /** While paused: wait for the end, or fail at once. */
  whenPaused: 'wait' | 'fail'
  signal?: AbortSignal | undefined
  /** One cheap call: true when 1fichier answered it normally, false when it started a new pause. */
  probe: () => Promise<boolean>
  /** Builds the error thrown when `whenPaused` is 'fail'. */
  pausedError: (until: number) => Error
}

/**
 * The pause 1fichier imposes after a flood lock, shared through the key's `BudgetStore` by every
 * process using the key (and so remembered across restarts). When the pause is over, one process
 * checks it with one cheap call before every caller resumes; a flood answer to that check starts
 * a new, longer pause.
 */
export class ApiPause {
  readonly #events = new TypedEmitter<{ paused: ApiPaused }>()
  readonly #clock: Clock
  #until: number | null = null
  #reason = ''

  constructor(clock: Clock) {
    this.#clock = clock
  }

  on(event: 'paused', listener: (payload: ApiPaused) => void): () => void {
    return this.#events.on(event, listener)
  }

  /** When calls may resume (epoch ms), or null when not paused, as last seen by this process. */
  until(): number | null {
    return this.#until !== null && this.#until > this.#clock.now() ? this.#until : null
  }

  reason(): string {
    return this.#reason
  }

  /** Takes in the pause as the shared state holds it (another process may have started or ended it). */
  async sync(store: BudgetStore): Promise<void> {
    this.#see(await store.read())
  }

  /**
   * Pauses every call for `lockMs` (what the answer asked for), doubled for each flood that
   * follows a recent one unless the answer named its length; answers when calls may resume.
   */
  async start(
    store: BudgetStore,
    lockMs: number,
    reason: string,
    options: { stated: boolean },
  ): Promise<number> {
    const now = this.#clock.now()
    const state = await store.update((state) => {
      // Other calls that were on their way when the lock began meet the same lock: not a repeat.
      const ongoing = state.pause !== null && now < state.pause.until
      if (!ongoing) {
        // A pause whose end was not yet confirmed is a repeat (the check met a flood), as is one soon after the last.
        const repeat = state.pause !== null || now - state.lastPauseEnd < REPEAT_WINDOW_MS
        state.strikes = repeat ? state.strikes + 1 : 0
      }
      const ms = options.stated ? lockMs : lockMs * 2 ** Math.min(state.strikes, MAX_DOUBLINGS)
      const until = Math.max(state.pause?.until ?? 0, now + ms)
      state.pause = { until, reason, probeUntil: null }
      return structuredClone(state)
    })
    this.#see(state)
    return state.pause?.until ?? now + lockMs
  }

  /** Lets a call through when no pause holds; while one does, waits (or fails), then checks it is over. */
  async gate(store: BudgetStore, options: GateOptions): Promise<void> {
    for (;;) {
      const state = await store.read()
      this.#see(state)
      const pause = state.pause
      if (!pause) return
      const now = this.#clock.now()
      if (now < pause.until) {
        if (options.whenPaused === 'fail') throw options.pausedError(pause.until)
        await this.#clock.sleep(pause.until - now, options.signal)
        continue
      }
      const role = await store.update((state) => {
        if (!state.pause) return 'resumed'
        const at = this.#clock.now()
        if (at < state.pause.until) return 'paused'
        if (state.pause.probeUntil !== null && at < state.pause.probeUntil) return 'wait'
        state.pause.probeUntil = at + PROBE_LEASE_MS
        return 'probe'
      })
      if (role === 'resumed') continue
      if (role === 'paused') continue
      if (role === 'wait') {
        await this.#clock.sleep(PROBE_POLL_MS, options.signal)
        continue
      }
      let over: boolean
      try {
        over = await options.probe()
      } catch (error) {
        // A network failure, say: the next caller checks again.
        await store.update((state) => {
          if (state.pause) state.pause.probeUntil = null
        })
        throw error
      }
      if (!over) continue
      const ended = await store.update((state) => {
        state.pause = null
        state.lastPauseEnd = this.#clock.now()
        return structuredClone(state)
      })
      this.#see(ended)
      return
    }
  }

  /** Nothing to release (kept for the client's lifecycle). */
  dispose(): void {}

  #see(state: BudgetState): void {
    const until = state.pause?.until ?? null
    if (until === this.#until) return
    this.#until = until
    this.#reason = state.pause?.reason ?? ''
    this.#events.emit('paused', { until, reason: this.#reason })
  }
}
