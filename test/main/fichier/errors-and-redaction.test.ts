import { inspect } from 'node:util'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FichierClient } from '../../../src/main/core/fichier/fichier-client'
import { FichierError } from '../../../src/main/core/fichier/fichier-error'
import { refusalToError } from '../../../src/main/core/fichier/error-mapping'
import { startEmulator } from '../../emulator'
import { PREMIUM_KEY, startEmulated } from './emulated-client'
import type { Emulated } from './emulated-client'

let env: Emulated
beforeAll(async () => {
  env = await startEmulated()
})
afterAll(() => env.close())

const failure = async (promise: Promise<unknown>): Promise<FichierError> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(FichierError)
  return error as FichierError
}

/** Every text a log line or crash report could show of `error`. */
function everything(error: unknown): string {
  const parts: string[] = [inspect(error, { depth: 20, showHidden: true }), JSON.stringify(error) ?? '']
  for (let e: unknown = error; e instanceof Error; e = e.cause)
    parts.push(String(e), e.stack ?? '', e.message)
  return parts.join('\n')
}

describe('error mapping', () => {
  it('maps a wrong or revoked key to AUTH_INVALID_KEY (#247 and #93 variants)', async () => {
    const wrong = await failure(
      env.makeClient({ getKey: () => 'WrongKeyWrongKeyWrongKeyWrong001' }).userInfo(),
    )
    expect(wrong).toMatchObject({
      code: 'AUTH_INVALID_KEY',
      serverCode: 247,
      httpStatus: 401,
      retriable: false,
    })
    expect(wrong.message).toContain('wrong or was revoked')

    const other = await startEmulator({ rateLimits: false, authError: 'no-such-user', keys: [] })
    try {
      const revoked = new FichierClient({
        baseUrl: other.apiUrl,
        getKey: () => PREMIUM_KEY,
        callsPerSecond: 100,
      })
      const error = await failure(revoked.fileList(0))
      expect(error).toMatchObject({ code: 'AUTH_INVALID_KEY', serverCode: 93 })
      revoked.close()
    } finally {
      await other.stop()
    }
    const none = await failure(env.makeClient({ getKey: () => null }).folderList(0))
    expect(none.code).toBe('AUTH_INVALID_KEY')
  })

  it.each([
    [403, 'Must be a customer (Premium, Access) #200', 'NOT_CUSTOMER', 200],
    [404, 'Resource not found #469', 'NOT_FOUND', 469],
    [403, 'Resource not allowed #631', 'NOT_ALLOWED', 631],
    [403, 'Password not provided. Resource not allowed #631', 'PASSWORD_REQUIRED', 631],
    [403, 'Invalid password. Resource not allowed #631', 'PASSWORD_WRONG', 631],
    [403, 'Owner locked #649', 'OWNER_LOCKED', 649],
    [403, 'Only 1 location allowed at a time #887', 'LOCATION_LIMIT', 887],
    [403, 'Not authenticated #247', 'AUTH_INVALID_KEY', 247],
    [429, 'Too many requests', 'RATE_LIMITED', null],
    [500, 'Internal error', 'SERVER', null],
  ] as const)('HTTP %i "%s" → %s', async (status, message, code, serverCode) => {
    env.emulator.control.failNext({
      path: '/v1/download/get_token.cgi',
      status,
      body: { status: 'KO', message },
      times: 10,
    })
    const client = env.makeClient({ retry: { attempts: 1 } })
    const error = await failure(client.downloadToken('https://1fichier.com/?abcdefghij'))
    expect(error.code).toBe(code)
    expect(error.serverCode).toBe(serverCode)
    expect(error.httpStatus).toBe(status)
    env.emulator.control.reset()
  })

  it('reads a KO envelope sent with HTTP 200 as an error, and a bare `Content-Type not JSON` as PROTOCOL', async () => {
    env.emulator.control.failNext({
      path: '/v1/file/info.cgi',
      status: 200,
      body: { status: 'KO', message: 'Resource not found #469' },
    })
    expect((await failure(env.client.fileInfo('https://1fichier.com/?abcdefghij'))).code).toBe('NOT_FOUND')
    env.emulator.control.failNext({
      path: '/v1/file/info.cgi',
      status: 403,
      body: { message: 'Content-Type not JSON #24' },
    })
    expect((await failure(env.client.fileInfo('https://1fichier.com/?abcdefghij'))).code).toBe('PROTOCOL')
  })

  it('maps messages without relying on HTTP status where 1fichier is inconsistent', () => {
    expect(refusalToError({ httpStatus: 403, message: 'No such user #93' }).code).toBe('AUTH_INVALID_KEY')
    expect(
      refusalToError({ httpStatus: 403, message: 'Must be a customer (Premium, Access) #236' }).code,
    ).toBe('NOT_CUSTOMER')
    expect(refusalToError({ httpStatus: 403, message: 'Flood detected: IP Locked #374' })).toMatchObject({
      code: 'FLOOD_LOCKED',
      retriable: true,
    })
    expect(refusalToError({ httpStatus: 403, message: 'Flood detected: IP Locked #38' }).code).toBe(
      'RATE_LIMITED',
    )
    expect(
      refusalToError({ httpStatus: 403, message: 'You are using professional equipment, must have CDN' })
        .code,
    ).toBe('LOCATION_LIMIT')
    expect(refusalToError({ httpStatus: 503, message: '' })).toMatchObject({
      code: 'SERVER',
      retriable: true,
    })
  })
})

describe('the API key stays secret', () => {
  it('never appears in errors from refusals, network failures, timeouts or uploads', async () => {
    const key = 'SecretKeySecretKeySecretKey00001'
    const errors: unknown[] = []
    const client = env.makeClient({ getKey: () => key, retry: { attempts: 1 } })
    errors.push(await failure(client.userInfo()))
    // The server echoing the key in its message.
    env.emulator.control.failNext({
      path: '/v1/file/ls.cgi',
      status: 403,
      body: { status: 'KO', message: `Bad key ${key} #999` },
    })
    errors.push(await failure(client.fileList(0)))

    // Nothing listens on this port: got's RequestError (which holds the request headers) is stripped.
    const probe = createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const closedPort = (probe.address() as AddressInfo).port
    await new Promise<void>((resolve) => probe.close(() => resolve()))
    const dead = new FichierClient({
      baseUrl: `http://127.0.0.1:${closedPort}/v1`,
      getKey: () => key,
      retry: { attempts: 1 },
    })
    const network = await failure(dead.folderList(0))
    expect(network).toMatchObject({ code: 'NETWORK', retriable: true })
    errors.push(network)

    // A server that never answers: a timeout.
    const silent = createServer(() => undefined)
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    try {
      const slow = new FichierClient({
        baseUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/v1`,
        getKey: () => key,
        retry: { attempts: 1 },
        timeoutMs: 200,
      })
      errors.push(await failure(slow.folderList(0)))
      // An upload whose node is unreachable.
      env.emulator.control.failNext({
        path: '/v1/upload/get_upload_server.cgi',
        status: 200,
        body: { url: `127.0.0.1:${closedPort}`, id: 'DeadNode01' },
      })
      errors.push(
        await failure(
          client.upload({
            stream: (await import('node:stream')).Readable.from([Buffer.from('x')]),
            size: 1,
            name: 'x',
          }),
        ),
      )
    } finally {
      silent.close()
    }
    for (const error of errors) {
      const text = everything(error)
      expect(text).not.toContain(key)
      expect(text.length).toBeGreaterThan(20)
    }
    expect(everything(errors[1])).toContain('[redacted]')
  })
})
