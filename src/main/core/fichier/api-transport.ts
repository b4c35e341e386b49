import got from 'got'
import type { Got, Method, Response } from 'got'
import type { Readable } from 'node:stream'
import type { ApiPause } from './api-pause'
import type { BudgetStore } from './budget-store'
import type { Clock } from '../lib/clock'
import { refusalToError } from './error-mapping'
import { FichierError, unknownAnswerStatus } from './fichier-error'
import type { KeyBudgets } from './key-budgets'
import { OPERATIONS } from './operations'
import type { Operation } from './operations'
import type { RequestPacer } from './pacer'
import { redactSecrets, safeCause } from './redact'
import { parseRetryAfter, retryDelay } from './retry-delay'
import type { RetryPolicy } from './retry-delay'

export interface FloodLockDurations {
  /**
   * `Flood detected …` (#374, #412 style) without a stated duration: rclone sleeps 30 s on these
   * (`backend/fichier/api.go`), and the emulator locks for 30 s. Doubled for each repeated flood.
   */
  floodMs: number
  /** A bare `IP Locked …` (a ban: JDownloader waits an hour). */
  ipLockedMs: number
}

export const DEFAULT_FLOOD_LOCK: FloodLockDurations = { floodMs: 30_000, ipLockedMs: 60 * 60_000 }

/** How long a flood answer asked to stop, and whether it said so itself (Retry-After). */
interface LockLength {
  ms: number
  stated: boolean
}

export interface TransportOptions {
  baseUrl: string
  getKey: () => Promise<string | null> | string | null
  clock: Clock
  pacer: RequestPacer
  pause: ApiPause
  /** The shared budget (pace, pause) of each key. */
  budgets: KeyBudgets
  retryPolicy: RetryPolicy
  floodLock: FloodLockDurations
  /** While 1fichier holds a flood lock: wait for its end, or fail at once with FLOOD_LOCKED. */
  whenPaused: 'wait' | 'fail'
  timeoutMs: number
  random?: () => number
  /** Told of every API call once it is answered (for `--verbose`): never the key or the body. */
  onCall?: (call: ApiCallReport) => void
}

/** One API call as `--verbose` shows it. */
export interface ApiCallReport {
  path: string
  /** `ok`, or the error code the answer was mapped to. */
  outcome: string
  ms: number
  attempt: number
}

export interface CallOptions {
  signal?: AbortSignal | undefined
  /** Use this key instead of the account's (checking a key before storing it). */
  key?: string | undefined
}

export interface NodeRequest {
  method: Method
  headers?: Record<string, string>
  body?: Readable
  signal?: AbortSignal | undefined
  /** Idle-socket timeout; uploads have no overall deadline. */
  socketTimeoutMs?: number
}

type Json = Record<string, unknown>

/** The HTTP layer under FichierClient: pacing, flood pause, retries, envelopes and error mapping. */
export class ApiTransport {
  readonly #options: TransportOptions
  readonly #http: Got
  readonly #lockLengths = new WeakMap<FichierError, LockLength>()
  readonly base: URL

  constructor(options: TransportOptions) {
    this.#options = options
    this.base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`)
    this.#http = got.extend({
      retry: { limit: 0 },
      throwHttpErrors: false,
      followRedirect: false,
      responseType: 'text',
    })
  }

  /** `http:` or `https:`, the scheme nodes are reached with. */
  get scheme(): string {
    return this.base.protocol
  }

  async currentKey(override?: string): Promise<string | null> {
    return override ?? (await this.#options.getKey())
  }

  /** The shared budget of `key` (default: the account's key). */
  async budget(key?: string): Promise<BudgetStore> {
    return this.#options.budgets.of(await this.currentKey(key))
  }

  /** Tells `--verbose` of a call made outside `call` (an upload node's report). */
  reportCall(call: ApiCallReport): void {
    this.#options.onCall?.(call)
  }

  /** One API call; answers the JSON object of a successful reply. */
  async call(op: Operation, body: Json, options: CallOptions = {}): Promise<Json> {
    const { clock, retryPolicy } = this.#options
    const key = await this.currentKey(options.key)
    if (!key && !op.anonymous) {
      throw new FichierError('AUTH_INVALID_KEY', 'No 1fichier API key is set. Add one in the account view.')
    }
    const store = this.#options.budgets.of(key)
    for (let attempt = 1; ; attempt++) {
      await this.#gate(store, options.signal)
      await this.#options.pacer.acquire(options.signal, store)
      let error: FichierError
      const started = clock.now()
      const report = (outcome: string) =>
        this.#options.onCall?.({ path: op.path, outcome, ms: clock.now() - started, attempt })
      try {
        const answer = await this.#once(op, body, key, options.signal)
        report('ok')
        return answer
      } catch (caught) {
        report(caught instanceof FichierError ? caught.code : 'NETWORK')
        if (!(caught instanceof FichierError)) throw caught
        error = caught
      }
      if (error.code === 'FLOOD_LOCKED') error = await this.#startPause(store, error)
      if (error.code === 'RATE_LIMITED' && error.serverCode !== 38) await this.#options.pacer.slowDown(store)
      // Locks are not retried here: a flood pauses everything, and #38 (user/info) lasts minutes.
      const locked = error.code === 'FLOOD_LOCKED' || error.serverCode === 38
      // A refusal we do not know (a new KO text) may be passing: a read is asked again later, a write
      // never is (it may have been done).
      const unknownOnRead = isUnknownRefusal(error) && !op.mutates && !op.callerRetriesUnknown
      const retriable = error.retriable || unknownOnRead
      if (!retriable || !op.idempotent || locked || attempt >= retryPolicy.attempts) throw error
      const wait = retryDelay(attempt, retryPolicy, {
        retryAfter: error.retryAfter,
        now: clock.now(),
        random: this.#options.random,
      })
      await clock.sleep(wait, options.signal)
    }
  }

  /** A request to an upload node (not paced: nodes are not the API host). */
  async node(url: string, request: NodeRequest, key: string | null): Promise<Response<string>> {
    try {
      return await this.#http(url, {
        method: request.method,
        headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...request.headers },
        ...(request.body ? { body: request.body } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
        timeout: { connect: 30_000, socket: request.socketTimeoutMs ?? this.#options.timeoutMs },
      })
    } catch (caught) {
      throw this.networkError(caught, key, request.signal)
    }
  }

  /** A GET or form POST to the website (public folder listings). */
  async website(
    url: string,
    form: Record<string, string> | URLSearchParams | null,
    signal?: AbortSignal,
  ): Promise<Response<string>> {
    const store = await this.budget()
    await this.#gate(store, signal)
    await this.#options.pacer.acquire(signal, store)
    try {
      return await this.#http(url, {
        method: form ? 'POST' : 'GET',
        // Repeated fields (`links[]=a&links[]=b`) need a body of their own; got's `form` takes an object.
        ...(form instanceof URLSearchParams
          ? { body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } }
          : form
            ? { form }
            : {}),
        ...(signal ? { signal } : {}),
        timeout: { request: this.#options.timeoutMs },
      })
    } catch (caught) {
      throw this.networkError(caught, null, signal)
    }
  }

  /** Turns a transport failure into NETWORK (or re-throws the caller's abort reason). */
  networkError(caught: unknown, key: string | null, signal?: AbortSignal): unknown {
    if (signal?.aborted) return signal.reason
    if (caught instanceof FichierError) return caught
    const cause = safeCause(caught, [key])
    return new FichierError(
      'NETWORK',
      'Could not reach 1fichier (network error or timeout). Trying again may work.',
      {
        retriable: true,
        cause,
      },
    )
  }

  /** Lets a call through when the key's budget is not paused; after a pause, one cheap call checks it is over. */
  #gate(store: BudgetStore, signal?: AbortSignal): Promise<void> {
    return this.#options.pause.gate(store, {
      whenPaused: this.#options.whenPaused,
      signal,
      pausedError: (until) =>
        new FichierError(
          'FLOOD_LOCKED',
          `1fichier paused API calls until ${new Date(until).toISOString()}.`,
          {
            retriable: true,
            until,
          },
        ),
      probe: async () => {
        await this.#options.pacer.acquire(signal, store)
        try {
          await this.#once(OPERATIONS.uploadServer, {}, null, signal)
          return true
        } catch (caught) {
          if (!(caught instanceof FichierError) || caught.code !== 'FLOOD_LOCKED') throw caught
          await this.#startPause(store, caught)
          return false
        }
      },
    })
  }

  /** Pauses every caller of the key and slows the pace down; answers the error with the pause's end. */
  async #startPause(store: BudgetStore, error: FichierError): Promise<FichierError> {
    const length = this.#lockLengths.get(error) ?? { ms: this.#options.floodLock.floodMs, stated: false }
    await this.#options.pacer.slowDown(store)
    const until = await this.#options.pause.start(store, length.ms, error.message, length)
    return new FichierError('FLOOD_LOCKED', error.message, {
      serverCode: error.serverCode,
      httpStatus: error.httpStatus,
      retriable: true,
      until,
      retryAfter: error.retryAfter,
      cause: error.cause,
    })
  }

  async #once(op: Operation, body: Json, key: string | null, signal?: AbortSignal): Promise<Json> {
    let response: Response<string>
    try {
      response = await this.#http(new URL(op.path, this.base), {
        method: op.method,
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        ...(op.method === 'POST' ? { body: JSON.stringify(body) } : {}),
        ...(signal ? { signal } : {}),
        timeout: { request: this.#options.timeoutMs },
      })
    } catch (caught) {
      throw this.networkError(caught, key, signal)
    }
    return this.#interpret(op, response, key)
  }

  #interpret(op: Operation, response: Response<string>, key: string | null): Json {
    const status = response.statusCode
    const retryAfter =
      typeof response.headers['retry-after'] === 'string' ? response.headers['retry-after'] : null
    const parsed = parseJsonObject(response.body)
    if (parsed === null) {
      if (status >= 500) return this.#throw({ httpStatus: status, message: '', retryAfter }, key)
      if (status === 401 || status === 404 || status === 429)
        return this.#throw({ httpStatus: status, message: '', retryAfter }, key)
      throw new FichierError(
        'PROTOCOL',
        '1fichier answered something other than data (a web page?). Trying again may work.',
        {
          httpStatus: status,
          retriable: status >= 500 || status === 200,
          cause: new Error(`HTTP ${status}: ${redactSecrets(response.body.slice(0, 200), [key])}`),
        },
      )
    }
    const statusField = typeof parsed['status'] === 'string' ? parsed['status'].toUpperCase() : null
    const message = typeof parsed['message'] === 'string' ? parsed['message'] : ''
    const ok = status >= 200 && status < 300
    if (ok && statusField === 'KO' && op.koIsResult) return parsed
    if (
      !ok ||
      statusField === 'KO' ||
      (statusField === null && /#\d+\s*$/.test(message) && !('url' in parsed))
    ) {
      return this.#throw({ httpStatus: status, message, retryAfter }, key)
    }
    return parsed
  }

  #throw(
    refusal: { httpStatus: number; message: string; retryAfter: string | null },
    key: string | null,
  ): never {
    const error = refusalToError({ ...refusal, message: redactSecrets(refusal.message, [key]) })
    if (error.code !== 'FLOOD_LOCKED') throw error
    const { floodLock, clock } = this.#options
    const asked = parseRetryAfter(refusal.retryAfter, clock.now())
    const isBareIpLock = !/flood detected/i.test(refusal.message) && /ip locked/i.test(refusal.message)
    const length: LockLength =
      asked !== null && asked > 0
        ? { ms: asked, stated: true }
        : { ms: isBareIpLock ? floodLock.ipLockedMs : floodLock.floodMs, stated: isBareIpLock }
    const flood = new FichierError('FLOOD_LOCKED', error.message, {
      serverCode: error.serverCode,
      httpStatus: error.httpStatus,
      retriable: true,
      until: clock.now() + length.ms,
      retryAfter: refusal.retryAfter,
    })
    this.#lockLengths.set(flood, length)
    throw flood
  }
}

function parseJsonObject(text: string): Json | null {
  const trimmed = text.trim()
  if (!trimmed.startsWith('{')) return null
  try {
    const value: unknown = JSON.parse(trimmed)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null
  } catch {
    return null
  }
}

/** A refusal no rule names (an unfamiliar KO message below HTTP 500). */
function isUnknownRefusal(error: FichierError): boolean {
  const status = unknownAnswerStatus(error)
  return status !== null && status < 500
}
