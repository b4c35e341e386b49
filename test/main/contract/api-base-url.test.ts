import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveApiBaseUrl } from '../../../src/main/core/settings/api-base-url'
import { DEFAULT_API_BASE_URL } from '../../../src/main/core/fichier/fichier-client'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { createTestService } from '../../helpers/test-service'

const KEY = 'ApiBaseKeyApiBaseKeyApiBaseKey01'

describe('the API base URL', () => {
  it('is 1fichier’s own API unless FICHIER_API_URL (or a start-up flag) says otherwise', () => {
    expect(resolveApiBaseUrl(undefined)).toBe(DEFAULT_API_BASE_URL)
    expect(resolveApiBaseUrl('  ')).toBe(DEFAULT_API_BASE_URL)
    expect(resolveApiBaseUrl('https://api.example.org/v1')).toBe('https://api.example.org/v1')
    for (const loopback of ['http://127.0.0.1:8787/v1', 'http://localhost:1/v1', 'http://[::1]:9/v1']) {
      expect(resolveApiBaseUrl(loopback)).toBe(loopback)
    }
  })

  it('refuses plain http to another machine, other schemes and credentials, naming the source', () => {
    expect(() => resolveApiBaseUrl('http://api.example.org/v1')).toThrow(
      /^FICHIER_API_URL must use https:\/\/ for api\.example\.org: the API key would travel unencrypted/,
    )
    expect(() => resolveApiBaseUrl('http://192.168.1.10/v1', '--api-url')).toThrow(
      /^--api-url must use https/,
    )
    expect(() => resolveApiBaseUrl('http://127.0.0.1.evil.example/v1')).toThrow(/must use https/)
    expect(() => resolveApiBaseUrl('ftp://127.0.0.1/v1')).toThrow(/must be an https:\/\/ URL \(got ftp:\)/)
    expect(() => resolveApiBaseUrl('not a url')).toThrow(/^FICHIER_API_URL is not a URL: "not a url"\.$/)
    expect(() => resolveApiBaseUrl('https://me:pw@api.example.org/v1')).toThrow(/user name or password/)
    try {
      resolveApiBaseUrl('http://api.example.org/v1')
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_API_URL' })
    }
  })
})

describe('the contract and the API base URL', () => {
  let emulator: RunningEmulator
  /** A server standing for an attacker's: it records the headers of whatever reaches it. */
  let trap: { url: string; seen: IncomingHttpHeaders[]; close(): Promise<void> }

  beforeAll(async () => {
    emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
    const seen: IncomingHttpHeaders[] = []
    const server = createServer((request, response) => {
      seen.push(request.headers)
      response.end('{}')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    trap = {
      url: `http://127.0.0.1:${port}/v1`,
      seen,
      close: () => new Promise((resolve) => server.close(() => resolve())),
    }
  })

  afterAll(async () => {
    await emulator.stop()
    await trap.close()
  })

  it('cannot be changed by the page: settings:update refuses it and the key keeps going to the API', async () => {
    const service = await createTestService({ apiUrl: emulator.apiUrl, key: KEY })
    try {
      const changed = await service.bridge.invoke('settings:update', {
        apiBaseUrl: trap.url,
      } as never)
      expect(changed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      if (!changed.ok) expect(changed.error.message).toMatch(/apiBaseUrl/)
      const settings = await service.bridge.invoke('settings:get', {})
      expect(settings.ok && settings.value).not.toHaveProperty('apiBaseUrl')

      const userInfoCalls = () => emulator.control.stats().requests['/v1/user/info.cgi'] ?? 0
      const before = userInfoCalls()
      const status = await service.bridge.invoke('account:status', {})
      expect(status).toMatchObject({ ok: true, value: { hasKey: true } })
      await service.core.client.userInfo({ refresh: true })
      expect(userInfoCalls()).toBeGreaterThan(before)
      expect(trap.seen).toEqual([])
    } finally {
      await service.close()
    }
  })

  it('a core does not start on a FICHIER_API_URL that would send the key over plain http', async () => {
    await expect(createTestService({ apiUrl: 'http://api.example.org/v1' })).rejects.toMatchObject({
      code: 'INVALID_API_URL',
    })
  })
})
