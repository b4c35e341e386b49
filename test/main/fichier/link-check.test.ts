import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCheckLine } from '../../../src/main/core/fichier/link-check'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { createTestService, type TestService } from '../../helpers/test-service'

const KEY = 'LinkCheckKeyLinkCheckKeyLinkCh01'

let emulator: RunningEmulator
let service: TestService

beforeAll(async () => {
  emulator = await startEmulator({ keys: [{ key: KEY, tier: 'premium' }] })
  service = await createTestService({ apiUrl: emulator.apiUrl, key: KEY })
})

afterAll(async () => {
  await service.close()
  await emulator.stop()
})

describe('the link check', () => {
  it('reads each answer line, names with semicolons included', () => {
    expect(parseCheckLine('https://1fichier.com/?abcde12345;a;b.txt;42')).toEqual({
      url: 'https://1fichier.com/?abcde12345',
      state: 'online',
      name: 'a;b.txt',
      size: 42,
    })
    expect(parseCheckLine('https://1fichier.com/?zzzzz99999;;;NOT FOUND')?.state).toBe('not-found')
    expect(parseCheckLine('https://1fichier.com/?zzzzz99999;;;PRIVATE')?.state).toBe('private')
    expect(parseCheckLine('garbage')).toBeNull()
  })

  it('gives name, size and state of many links in batches of 100, without a key and in the order asked', async () => {
    const online = await emulator.control.createFile({
      key: KEY,
      name: 'report; final.pdf',
      content: 'x'.repeat(1234),
    })
    const locked = await emulator.control.createFile({
      key: KEY,
      name: 'secret.zip',
      content: 'y',
      password: 'hunter22',
    })
    const gone = 'https://1fichier.com/?zzzzzzzzzzzzzzzzzzzz'
    const many = Array.from({ length: 150 }, () => online.url)
    const before = emulator.control.stats().requests['/check_links.pl'] ?? 0
    const result = await service.bridge.invoke('links:check', { urls: [gone, locked.url, ...many] })
    if (!result.ok) throw new Error(result.error.message)
    const [first, second, third] = result.value.results
    expect(first).toEqual({ url: gone, state: 'not-found', name: null, size: null })
    expect(second).toMatchObject({ url: locked.url, state: 'private' })
    expect(third).toEqual({ url: online.url, state: 'online', name: 'report; final.pdf', size: 1234 })
    expect(result.value.results).toHaveLength(152)
    // 152 links: two requests of at most 100, none to the API.
    expect((emulator.control.stats().requests['/check_links.pl'] ?? 0) - before).toBe(2)
  })
})
