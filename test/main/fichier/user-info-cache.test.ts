import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PREMIUM_KEY, startEmulated, type Emulated } from './emulated-client'

let env: Emulated
beforeAll(async () => {
  env = await startEmulated()
})
afterAll(() => env.close())

describe('the account details kept for 5 minutes', () => {
  it('answer a second read in full, from the kept copy, with no second call', async () => {
    const first = await env.client.userInfo()
    expect(first.subscriptionEnd).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    expect(first.email).toBe('premium@example.com')
    const calls = env.emulator.control.stats().requests['/v1/user/info.cgi'] ?? 0
    // A second client on the same key: another process of this user, sharing the kept copy.
    const other = env.makeClient({ getKey: () => PREMIUM_KEY })
    try {
      const second = await other.userInfo()
      const { cachedAt, ...kept } = second
      const { cachedAt: _first, ...read } = first
      expect(kept).toEqual(read)
      expect(cachedAt).not.toBeNull()
      expect(env.emulator.control.stats().requests['/v1/user/info.cgi'] ?? 0).toBe(calls)
    } finally {
      other.close()
    }
  })
})
