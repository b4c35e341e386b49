import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../../src/main/core/lib/clock'
import {
  createServerAuth,
  PASSWORD_FILE,
  setServerPassword,
  type ServerAuthOptions,
} from '../../../../src/main/server/auth'
import { readPasswordRecord, verifyPassword } from '../../../../src/main/server/auth/password-store'
import { postLogin, send, sessionCookieOf, startAuthServer } from './auth-http'

const PASSWORD = 'correct horse battery'

let stateDir: string | undefined
let server: Server | undefined

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
  server = undefined
  if (stateDir) await rm(stateDir, { recursive: true, force: true })
  stateDir = undefined
})

/** A server whose state folder holds PASSWORD (unless told otherwise), on a clock moved by hand. */
async function start(o: Partial<ServerAuthOptions> & { password?: string | null } = {}) {
  stateDir = o.stateDir ?? (await mkdtemp(join(tmpdir(), 'fd-auth-')))
  if (o.password !== null) await setServerPassword(stateDir, o.password ?? PASSWORD)
  const clock = { now: 1_000_000 }
  const logs: string[] = []
  const auth = await createServerAuth({
    stateDir,
    secureCookies: false,
    log: (m) => logs.push(m),
    now: () => clock.now,
    ...o,
  })
  const started = await startAuthServer(auth)
  server = started.server
  return { auth, port: started.port, watches: started.watches, clock, logs, stateDir }
}

describe('server auth over HTTP', () => {
  it('with no password set requires nothing and sends /login back to the interface', async () => {
    const { auth, port } = await start({ password: null })
    expect(auth.required).toBe(false)
    expect((await send(port, { path: '/secret' })).status).toBe(200)
    const login = await send(port, { path: '/login' })
    expect(login.status).toBe(303)
    expect(login.headers.location).toBe('/')
  })

  it('refuses the protected route without a session and serves the login page, with a CSP that lets the form post', async () => {
    const { auth, port } = await start()
    expect(auth.required).toBe(true)
    expect((await send(port, { path: '/secret' })).status).toBe(401)

    const page = await send(port, { path: '/login' })
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.headers['cache-control']).toBe('no-store')
    expect(page.headers['content-security-policy']).toContain("form-action 'self'")
    expect(page.headers['content-security-policy']).not.toContain('script-src')
    // Not no-referrer: under it a browser posts the form with Origin "null".
    expect(page.headers['referrer-policy']).toBe('same-origin')
    expect(page.body).toContain('<form method="post" action="/login">')
    expect(page.body).toContain('name="password" type="password"')
    expect(page.body).toContain('<html lang="en">')
    expect(page.body).toContain('Log in')
    expect(page.body).not.toMatch(/<script|style="/)

    const css = await send(port, { path: '/login.css' })
    expect(css.status).toBe(200)
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8')
  })

  it('serves the login page in French when the browser prefers French, in English otherwise', async () => {
    const { port } = await start()
    const fr = await send(port, { path: '/login', headers: { 'Accept-Language': 'fr-FR,fr;q=0.9,en;q=0.8' } })
    expect(fr.body).toContain('<html lang="fr">')
    expect(fr.body).toContain('Mot de passe')
    expect(fr.body).toContain('Se connecter')
    expect(fr.headers['content-language']).toBe('fr')
    const en = await send(port, { path: '/login', headers: { 'Accept-Language': 'en-GB,en;q=0.9,fr;q=0.8' } })
    expect(en.body).toContain('<html lang="en">')

    const wrong = await postLogin(port, 'not the password', { headers: { 'Accept-Language': 'fr' } })
    expect(wrong.status).toBe(401)
    expect(wrong.body).toContain('Mot de passe incorrect.')
  })

  it('answers a wrong password with 401, the page again and no cookie', async () => {
    const { port, logs } = await start()
    const wrong = await postLogin(port, 'correct horse battery!')
    expect(wrong.status).toBe(401)
    expect(wrong.headers['set-cookie']).toBeUndefined()
    expect(wrong.body).toContain('Wrong password.')
    expect(wrong.body).toContain('<form method="post" action="/login">')
    expect(logs.join('\n')).toContain('wrong password from 127.0.0.1')
    expect(logs.join('\n')).not.toContain('correct horse')
  })

  it('logs in with the right password: a 256-bit HttpOnly SameSite=Strict cookie for /, then the protected route opens', async () => {
    const { port, logs } = await start()
    const ok = await postLogin(port, PASSWORD)
    expect(ok.status).toBe(303)
    expect(ok.headers.location).toBe('/')
    const setCookie = ok.headers['set-cookie']?.[0] ?? ''
    const attributes = setCookie.split('; ').slice(1)
    expect(attributes).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Strict']))
    expect(attributes).not.toContain('Secure')
    const cookie = sessionCookieOf(ok)
    expect(cookie).toMatch(/^fichier-session=[A-Za-z0-9_-]{43}$/)

    expect((await send(port, { path: '/secret', headers: { Cookie: cookie } })).body).toBe('the secret')
    expect((await send(port, { path: '/secret', headers: { Cookie: `a=b; ${cookie}; c=d` } })).status).toBe(
      200,
    )
    const forged = `fichier-session=${'A'.repeat(43)}`
    expect((await send(port, { path: '/secret', headers: { Cookie: forged } })).status).toBe(401)
    // Logged in already: the login page sends back to the interface.
    expect((await send(port, { path: '/login', headers: { Cookie: cookie } })).status).toBe(303)
    expect(logs.join('\n')).not.toContain(cookie.split('=')[1])
  })

  it('under TLS the cookie is Secure and __Host- prefixed', async () => {
    const { port } = await start({ secureCookies: true })
    const ok = await postLogin(port, PASSWORD)
    const setCookie = ok.headers['set-cookie']?.[0] ?? ''
    expect(setCookie).toMatch(/^__Host-fichier-session=/)
    expect(setCookie.split('; ')).toEqual(
      expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Strict', 'Secure']),
    )
    expect(setCookie).not.toContain('Domain')
    expect((await send(port, { path: '/secret', headers: { Cookie: sessionCookieOf(ok) } })).status).toBe(200)
  })

  it('logout ends the session and clears the cookie; the old cookie no longer opens anything', async () => {
    const { port } = await start()
    const cookie = sessionCookieOf(await postLogin(port, PASSWORD))
    const origin = `http://127.0.0.1:${port}`
    const out = await send(port, {
      method: 'POST',
      path: '/logout',
      headers: { Cookie: cookie, Origin: origin },
    })
    expect(out.status).toBe(303)
    expect(out.headers.location).toBe('/login')
    expect(out.headers['set-cookie']?.[0]).toMatch(
      /^fichier-session=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0/,
    )
    expect((await send(port, { path: '/secret', headers: { Cookie: cookie } })).status).toBe(401)
    expect((await send(port, { path: '/logout', headers: { Cookie: cookie } })).status).toBe(405)
  })

  it('refuses a login or a logout posted from another origin', async () => {
    const { port, logs } = await start()
    const evil = { Origin: 'https://evil.example' }
    const login = await postLogin(port, PASSWORD, { headers: evil })
    expect(login.status).toBe(403)
    expect(login.headers['set-cookie']).toBeUndefined()
    expect((await postLogin(port, PASSWORD, { headers: { Origin: 'null' } })).status).toBe(403)
    expect(logs.join('\n')).toContain(
      `POST /login refused as cross-site: Origin https://evil.example, Host 127.0.0.1:${port}, Sec-Fetch-Site none`,
    )
    expect((await postLogin(port, PASSWORD, { headers: { 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(
      403,
    )
    expect(
      (await postLogin(port, PASSWORD, { headers: { Origin: 'null', 'Sec-Fetch-Site': 'cross-site' } }))
        .status,
    ).toBe(403)

    // What Chromium sends from the login page itself, whose Referrer-Policy is no-referrer.
    const fromOwnPage = await postLogin(port, PASSWORD, {
      headers: { Origin: 'null', 'Sec-Fetch-Site': 'same-origin' },
    })
    expect(fromOwnPage.status).toBe(303)

    const cookie = sessionCookieOf(await postLogin(port, PASSWORD))
    const logout = await send(port, { method: 'POST', path: '/logout', headers: { Cookie: cookie, ...evil } })
    expect(logout.status).toBe(403)
    expect((await send(port, { path: '/secret', headers: { Cookie: cookie } })).status).toBe(200)
  })

  it('limits login attempts per address: the sixth in a minute gets 429 with Retry-After, even right; allowed again after the window', async () => {
    const { port, clock } = await start()
    for (let i = 0; i < 5; i++) expect((await postLogin(port, `wrong ${i}`)).status).toBe(401)
    clock.now += 20_000
    const limited = await postLogin(port, PASSWORD)
    expect(limited.status).toBe(429)
    expect(limited.headers['retry-after']).toBe('40')
    expect(limited.headers['set-cookie']).toBeUndefined()
    expect(limited.body).toContain('Too many attempts')

    // Another address is not held back by this one.
    expect((await postLogin(port, PASSWORD, { localAddress: '127.0.0.2' })).status).toBe(303)
    expect((await postLogin(port, PASSWORD)).status).toBe(429)

    clock.now += 40_000
    expect((await postLogin(port, PASSWORD)).status).toBe(303)
  })

  it("a login from one address does not reset another's count", async () => {
    const { port } = await start()
    for (let i = 0; i < 5; i++) expect((await postLogin(port, `wrong ${i}`)).status).toBe(401)
    expect((await postLogin(port, PASSWORD, { localAddress: '127.0.0.2' })).status).toBe(303)
    expect((await postLogin(port, PASSWORD)).status).toBe(429)
  })

  it('ends a session left unused for the idle time, and any session at its absolute lifetime', async () => {
    const hour = 60 * 60_000
    const { port, clock } = await start({
      sessions: { idleMs: 2 * hour, absoluteMs: 5 * hour, maxSessions: 100 },
    })
    const idle = sessionCookieOf(await postLogin(port, PASSWORD))
    const busy = sessionCookieOf(await postLogin(port, PASSWORD))
    for (let h = 1; h <= 4; h++) {
      clock.now += hour
      expect((await send(port, { path: '/secret', headers: { Cookie: busy } })).status).toBe(200)
    }
    expect((await send(port, { path: '/secret', headers: { Cookie: idle } })).status).toBe(401)
    clock.now += hour
    expect((await send(port, { path: '/secret', headers: { Cookie: busy } })).status).toBe(401)
  })

  it('refuses an oversized or non-form body without checking it', async () => {
    const { port } = await start()
    const origin = `http://127.0.0.1:${port}`
    const big = await send(port, {
      method: 'POST',
      path: '/login',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
      body: `password=${'a'.repeat(20_000)}`,
    })
    expect(big.status).toBe(413)
    const json = await send(port, {
      method: 'POST',
      path: '/login',
      headers: { 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify({ password: PASSWORD }),
    })
    expect(json.status).toBe(415)
  })

  it('will not start on a password file it cannot read, rather than serve without a password', async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'fd-auth-'))
    await writeFile(join(stateDir, PASSWORD_FILE), '{"version":1,"kdf":"scrypt"')
    await expect(
      createServerAuth({ stateDir, secureCookies: false, log: () => undefined }),
    ).rejects.toMatchObject({
      code: 'PASSWORD_STORE_INVALID',
      message: expect.stringContaining('fichier serve --set-password'),
    })
  })

  it('hashes a password stored with weaker parameters again at its next login', async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'fd-auth-'))
    await setServerPassword(stateDir, PASSWORD, { N: 2 ** 14, r: 8, p: 1, keyLength: 32 })
    const { port, stateDir: dir } = await start({ stateDir, password: null })
    const file = join(dir, PASSWORD_FILE)
    expect((await postLogin(port, PASSWORD)).status).toBe(303)
    const storedN = async () =>
      (JSON.parse(await readFile(file, 'utf8')) as { params: { N: number } }).params.N
    // The new hash is made after the answer, on a busy machine possibly seconds later.
    await expect.poll(storedN, { timeout: 15_000 }).toBe(2 ** 15)
    expect((await postLogin(port, PASSWORD)).status).toBe(303)
    expect((await postLogin(port, 'wrong password here')).status).toBe(401)
  })

  it('never puts back an old password over one set since the start', async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'fd-auth-'))
    await setServerPassword(stateDir, PASSWORD, { N: 2 ** 14, r: 8, p: 1, keyLength: 32 })
    const { port, logs } = await start({ stateDir, password: null })
    await setServerPassword(stateDir, 'the new password')
    // The running server still knows the password it started with.
    expect((await postLogin(port, PASSWORD)).status).toBe(303)
    // Checks run one after another: this one ends after any upgrade the login above started.
    expect((await postLogin(port, 'wrong password here')).status).toBe(401)
    const record = await readPasswordRecord(stateDir)
    expect(record && (await verifyPassword(record, 'the new password'))).toBe(true)
    expect(logs.join('\n')).not.toContain('upgraded')
  })

  it('tells a long-lived connection when its session ends: at logout, or at its lifetime though idle never ends it meanwhile', async () => {
    const hour = 60 * 60_000
    const clock = new ManualClock(1_000_000)
    const { port, watches } = await start({
      now: () => clock.now(),
      scheduler: clock,
      sessions: { idleMs: 2 * hour, absoluteMs: 5 * hour, maxSessions: 100 },
    })
    const a = sessionCookieOf(await postLogin(port, PASSWORD))
    const b = sessionCookieOf(await postLogin(port, PASSWORD))
    expect((await send(port, { path: '/watch?name=a', headers: { Cookie: a } })).status).toBe(204)
    expect((await send(port, { path: '/watch?name=b', headers: { Cookie: b } })).status).toBe(204)
    const origin = `http://127.0.0.1:${port}`
    await send(port, { method: 'POST', path: '/logout', headers: { Cookie: a, Origin: origin } })
    expect(watches.get('a')?.ended).toBe(true)
    expect(watches.get('b')?.ended).toBe(false)

    // Watched, b outlives the idle time: the page that holds it is open.
    await clock.advance(4 * hour)
    expect(watches.get('b')?.ended).toBe(false)
    expect((await send(port, { path: '/secret', headers: { Cookie: b } })).status).toBe(200)
    await clock.advance(hour)
    expect(watches.get('b')?.ended).toBe(true)
    expect((await send(port, { path: '/secret', headers: { Cookie: b } })).status).toBe(401)
  })

  it('once a connection stops watching, its session can end for being idle again, and no timer is left', async () => {
    const hour = 60 * 60_000
    const clock = new ManualClock(1_000_000)
    const { port, watches } = await start({
      now: () => clock.now(),
      scheduler: clock,
      sessions: { idleMs: 2 * hour, absoluteMs: 50 * hour, maxSessions: 100 },
    })
    const cookie = sessionCookieOf(await postLogin(port, PASSWORD))
    await send(port, { path: '/watch?name=page', headers: { Cookie: cookie } })
    await clock.advance(3 * hour)
    watches.get('page')?.stop()
    await clock.advance(hour)
    expect((await send(port, { path: '/secret', headers: { Cookie: cookie } })).status).toBe(200)
    await clock.advance(2 * hour)
    expect((await send(port, { path: '/secret', headers: { Cookie: cookie } })).status).toBe(401)
    expect(watches.get('page')?.ended).toBe(false)
    expect(clock.pending).toBe(0)
  })

  it('answers 503 with Retry-After when too many logins from many addresses wait for their check', async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'fd-auth-'))
    // A slow hash (64 MiB, a few tenths of a second) so that the logins sent together all wait for the first.
    await setServerPassword(stateDir, PASSWORD, { N: 2 ** 16, r: 8, p: 1, keyLength: 32 })
    const { port, logs } = await start({ stateDir, password: null, maxPendingChecks: 2 })
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        postLogin(port, `wrong ${i} password`, { localAddress: `127.0.0.${10 + i}` }),
      ),
    )
    const busy = answers.filter((a) => a.status === 503)
    expect(busy.length).toBeGreaterThan(0)
    expect(answers.every((a) => a.status === 503 || a.status === 401)).toBe(true)
    expect(busy[0]?.headers['retry-after']).toBe('5')
    expect(busy[0]?.body).toContain('The server is busy checking other logins.')
    expect(logs.join('\n')).toContain('too many logins being checked')
    // Once the queue has drained, a login goes through.
    expect((await postLogin(port, PASSWORD)).status).toBe(303)
  })
})
