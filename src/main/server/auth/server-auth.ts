import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Scheduler } from '../../core/lib/scheduler'
import { LOGIN_CSS, LOGIN_CSS_PATH, loginPageHtml, type LoginNotice } from './login-page'
import { LOGIN_RATE_LIMIT, LoginRateLimiter, type RateLimit } from './login-rate-limiter'
import {
  isOutdated,
  readPasswordRecord,
  setServerPassword,
  verifyPassword,
  type PasswordRecord,
} from './password-store'
import { preferredLanguage } from './preferred-language'
import { readForm } from './read-form'
import { isSameOrigin } from './same-origin'
import { clearedSessionCookie, cookieValues, sessionCookie, sessionCookieName } from './session-cookie'
import { SESSION_POLICY, SessionStore, type SessionPolicy } from './session-store'

export interface ServerAuth {
  /** A password is set: every page, asset, HTTP route and the WebSocket need a session. */
  readonly required: boolean
  /** Serves GET/POST /login, POST /logout (and the login page's own assets). True when it wrote the response. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>
  /** True when the request carries a valid session cookie, or when no password is set. */
  isAuthenticated(req: IncomingMessage): boolean
  /**
   * For a long-lived connection let in by `isAuthenticated` (the WebSocket): calls `listener` once
   * when its session ends (logout, lifetime, the server's session limit), at once when it has none.
   * While watched, a session does not end for being idle. Answers the function that stops watching;
   * with no password set the listener is never called.
   */
  onSessionEnd(req: IncomingMessage, listener: () => void): () => void
}

export interface ServerAuthOptions {
  stateDir: string
  /** Served over TLS: the cookie is `Secure` (and `__Host-` prefixed). */
  secureCookies: boolean
  log: (message: string) => void
  /** Epoch milliseconds (tests move time by hand). */
  now?: () => number
  /** Timers for the lifetime of watched sessions (tests run them in virtual time). */
  scheduler?: Scheduler
  rateLimit?: RateLimit
  sessions?: SessionPolicy
  /** Password checks waiting or running at most; past it a login is answered 503 (default 16). */
  maxPendingChecks?: number
}

/** The login form's body is small: a password of at most 1024 characters, percent-encoded. */
const MAX_FORM_BYTES = 16 * 1024

/** When a login found the server busy checking others, it may try again this much later. */
const BUSY_RETRY_SECONDS = 5

/** The login page's own headers: its CSP allows its style sheet and posting the form to this origin only. */
const PAGE_HEADERS = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // Not no-referrer: under it browsers post the form with `Origin: null`, which older ones leave unexplained.
  'Referrer-Policy': 'same-origin',
}

/**
 * The server's password gate, read from the state folder once at start (a password set later takes
 * effect at the next start). Sessions live in memory: a restart logs everyone out.
 */
export async function createServerAuth(o: ServerAuthOptions): Promise<ServerAuth> {
  const record = await readPasswordRecord(o.stateDir)
  return new PasswordGate(o, record)
}

class PasswordGate implements ServerAuth {
  readonly required: boolean
  readonly #now: () => number
  readonly #sessions: SessionStore
  readonly #limiter: LoginRateLimiter
  readonly #cookieName: string
  #record: PasswordRecord | null
  /** Checks run one at a time: each takes tens of MiB and a good fraction of a CPU. */
  #checks: Promise<unknown> = Promise.resolve()
  #pendingChecks = 0

  constructor(
    private readonly o: ServerAuthOptions,
    record: PasswordRecord | null,
  ) {
    this.required = record !== null
    this.#record = record
    this.#now = o.now ?? Date.now
    this.#sessions = new SessionStore(o.sessions ?? SESSION_POLICY, this.#now, o.scheduler)
    this.#limiter = new LoginRateLimiter(o.rateLimit ?? LOGIN_RATE_LIMIT, this.#now)
    this.#cookieName = sessionCookieName(o.secureCookies)
  }

  isAuthenticated(req: IncomingMessage): boolean {
    if (!this.required) return true
    return cookieValues(req, this.#cookieName).some((id) => this.#sessions.touch(id))
  }

  onSessionEnd(req: IncomingMessage, listener: () => void): () => void {
    if (!this.required) return () => undefined
    const id = cookieValues(req, this.#cookieName).find((value) => this.#sessions.touch(value))
    if (id === undefined) {
      listener()
      return () => undefined
    }
    return this.#sessions.watch(id, listener)
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = (req.url ?? '/').split('?')[0]
    if (path === LOGIN_CSS_PATH) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return this.#notAllowed(res, 'GET, HEAD')
      res.writeHead(200, {
        'Content-Type': 'text/css; charset=utf-8',
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      })
      res.end(req.method === 'HEAD' ? undefined : LOGIN_CSS)
      return true
    }
    if (path === '/login') {
      if (req.method === 'GET') return this.#loginPage(req, res)
      if (req.method === 'POST') return this.#login(req, res)
      return this.#notAllowed(res, 'GET, POST')
    }
    if (path === '/logout') {
      if (req.method === 'POST') return this.#logout(req, res)
      return this.#notAllowed(res, 'POST')
    }
    return false
  }

  #loginPage(req: IncomingMessage, res: ServerResponse): boolean {
    if (!this.required || this.isAuthenticated(req)) return this.#redirect(res, '/')
    return this.#page(req, res, 200)
  }

  async #login(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const record = this.#record
    if (!record) return this.#redirect(res, '/')
    if (!isSameOrigin(req.headers)) return this.#refuseCrossSite(req, res)
    const address = req.socket.remoteAddress ?? 'unknown'
    const waitMs = this.#limiter.attempt(address)
    if (waitMs > 0) {
      const retryAfterSeconds = Math.ceil(waitMs / 1000)
      this.o.log(`login refused for ${address}: too many attempts, next in ${retryAfterSeconds} s`)
      res.setHeader('Retry-After', String(retryAfterSeconds))
      res.setHeader('Connection', 'close')
      return this.#page(req, res, 429, { kind: 'rate-limited', retryAfterSeconds })
    }
    const form = await readForm(req, MAX_FORM_BYTES)
    if (!form.ok) {
      res.writeHead(form.status, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' })
      res.end(`${form.message}\n`)
      return true
    }
    const password = form.fields.get('password') ?? ''
    // Many addresses at once could queue checks without end: past a few, the server says it is busy.
    if (this.#pendingChecks >= (this.o.maxPendingChecks ?? 16)) {
      this.o.log(`login from ${address} refused: too many logins being checked`)
      res.setHeader('Retry-After', String(BUSY_RETRY_SECONDS))
      return this.#page(req, res, 503, { kind: 'busy', retryAfterSeconds: BUSY_RETRY_SECONDS })
    }
    if (!(await this.#check(record, password))) {
      this.o.log(`wrong password from ${address}`)
      return this.#page(req, res, 401, { kind: 'wrong-password' })
    }
    this.#limiter.clear(address)
    // A fresh id at each login: an id planted before it (session fixation) never becomes a session.
    for (const old of cookieValues(req, this.#cookieName)) this.#sessions.end(old)
    const id = this.#sessions.create()
    this.o.log(`logged in from ${address}`)
    if (isOutdated(record)) this.#rehash(record, password)
    res.setHeader('Set-Cookie', sessionCookie(this.#cookieName, id, this.o.secureCookies))
    return this.#redirect(res, '/')
  }

  #logout(req: IncomingMessage, res: ServerResponse): boolean {
    if (!isSameOrigin(req.headers)) return this.#refuseCrossSite(req, res)
    for (const id of cookieValues(req, this.#cookieName)) this.#sessions.end(id)
    res.setHeader('Set-Cookie', clearedSessionCookie(this.#cookieName, this.o.secureCookies))
    return this.#redirect(res, this.required ? '/login' : '/')
  }

  #check(record: PasswordRecord, password: string): Promise<boolean> {
    this.#pendingChecks++
    const result = this.#checks
      .then(() => verifyPassword(record, password))
      .finally(() => this.#pendingChecks--)
    this.#checks = result.catch(() => undefined)
    return result
  }

  /**
   * Hashes the password again with today's parameters, after a login that proved it; unless the file
   * changed since the start (a new password set meanwhile is never replaced by the old one).
   */
  #rehash(record: PasswordRecord, password: string): void {
    this.#checks = this.#checks
      .then(async () => {
        const onDisk = await readPasswordRecord(this.o.stateDir)
        if (onDisk?.hash !== record.hash || onDisk.salt !== record.salt) return
        await setServerPassword(this.o.stateDir, password)
        const fresh = await readPasswordRecord(this.o.stateDir)
        if (fresh) this.#record = fresh
        this.o.log('password hash upgraded to the current scrypt parameters')
      })
      .catch((error: unknown) => this.o.log(`password hash not upgraded: ${String(error)}`))
  }

  #page(req: IncomingMessage, res: ServerResponse, status: number, notice?: LoginNotice): true {
    const language = preferredLanguage(req.headers['accept-language'])
    res.writeHead(status, {
      ...PAGE_HEADERS,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Language': language,
      Vary: 'Accept-Language, Cookie',
    })
    res.end(loginPageHtml(language, notice))
    return true
  }

  #redirect(res: ServerResponse, location: string): true {
    res.writeHead(303, { Location: location, 'Cache-Control': 'no-store' })
    res.end()
    return true
  }

  #refuseCrossSite(req: IncomingMessage, res: ServerResponse): true {
    // Host beside Origin: behind a reverse proxy that rewrites Host, this line says why logins fail.
    const site = req.headers['sec-fetch-site']
    this.o.log(
      `${req.method ?? ''} ${req.url ?? ''} refused as cross-site: Origin ${req.headers.origin ?? 'none'}, Host ${req.headers.host ?? 'none'}, Sec-Fetch-Site ${typeof site === 'string' ? site : 'none'}`,
    )
    res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' })
    res.end('Cross-site request refused.\n')
    return true
  }

  #notAllowed(res: ServerResponse, allow: string): true {
    res.writeHead(405, { Allow: allow, 'Content-Type': 'text/plain; charset=utf-8' })
    res.end('Method not allowed.\n')
    return true
  }
}
