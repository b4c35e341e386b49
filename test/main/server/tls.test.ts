import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServerAuth } from '../../../src/main/server/auth/index'
import { startFichierServer, type FichierServer } from '../../../src/main/server/fichier-server'
import { makeTestCa } from '../../bench/test-ca'
import { createTestService, type TestService } from '../../helpers/test-service'
import { openSocket } from './ws-client'

let dir: string
let ca: Buffer
let service: TestService
let server: FichierServer

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fd-serve-tls-'))
  const certs = await makeTestCa(dir)
  ca = await readFile(certs.caCert)
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Fichier Desk</title>')
  service = await createTestService()
  server = await startFichierServer({
    listen: { host: '127.0.0.1', port: 0 },
    tls: { cert: await readFile(certs.serverCert), key: await readFile(certs.serverKey) },
    rendererDir: dir,
    endpoint: service.service,
    auth: await createServerAuth({ stateDir: service.dataDir, secureCookies: true, log: () => undefined }),
    log: () => undefined,
  })
})

afterAll(async () => {
  await server.close()
  await service.close()
  await rm(dir, { recursive: true, force: true })
})

describe('fichier serve over TLS', () => {
  it('serves https with a policy naming wss, and the contract over wss', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    const answer = await new Promise<{ status: number; headers: Record<string, unknown> }>(
      (resolve, reject) => {
        request(`${server.url}/`, { ca }, (res) => {
          res.resume()
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }))
        })
          .on('error', reject)
          .end()
      },
    )
    expect(answer.status).toBe(200)
    expect(String(answer.headers['content-security-policy'])).toContain(
      `connect-src 'self' wss://${new URL(server.url).host}`,
    )
    expect(answer.headers['strict-transport-security']).toBe('max-age=31536000')

    const page = await openSocket(server.url, {}, { ca })
    expect((await page.call('settings:get', {})).ok).toBe(true)
    await page.close()
  })
})
