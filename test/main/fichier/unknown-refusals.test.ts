import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FichierError } from '../../../src/main/core/fichier/fichier-error'
import { startEmulated, type Emulated } from './emulated-client'

let env: Emulated
beforeAll(async () => {
  env = await startEmulated({ client: { retry: { attempts: 3, baseMs: 10, maxMs: 50 } } })
})
afterAll(() => env.close())

const requests = (path: string): number => env.emulator.control.stats().requests[path] ?? 0
/** A KO answer no client knows: what 1fichier may send one day. */
const novel = { status: 'KO', message: 'Temporary hiccup, come back later #999' }

describe('a refusal the client does not know', () => {
  it('is asked again with backoff on a read, and the read succeeds', async () => {
    env.emulator.control.failNext({ path: '/v1/folder/ls.cgi', status: 403, body: novel, times: 2 })
    const before = requests('/v1/folder/ls.cgi')
    const listing = await env.client.folderList(0, { refresh: true })
    expect(listing.name).toBe('Root')
    expect(requests('/v1/folder/ls.cgi') - before).toBe(3)
  })

  it('is never repeated on a write, which may have been done', async () => {
    env.emulator.control.failNext({ path: '/v1/folder/mkdir.cgi', status: 403, body: novel, times: 2 })
    const before = requests('/v1/folder/mkdir.cgi')
    const error = await env.client.makeFolder('Reports', 0).then(
      () => null,
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(FichierError)
    expect((error as FichierError).message).toContain('Temporary hiccup')
    expect(requests('/v1/folder/mkdir.cgi') - before).toBe(1)
  })
})
