import { describe, expect, it } from 'vitest'
import { addressKey, LoginRateLimiter } from '../../../../src/main/server/auth/login-rate-limiter'

describe('login rate limiter', () => {
  it('counts an IPv6 address by its /64 and an IPv4-mapped one as its IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(addressKey('::1')).toBe('0:0:0:0::/64')
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7')
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7')

    let now = 0
    const limiter = new LoginRateLimiter({ attempts: 2, windowMs: 1000, maxAddresses: 10 }, () => now)
    expect(limiter.attempt('2001:db8:1:2::a')).toBe(0)
    expect(limiter.attempt('2001:db8:1:2::b')).toBe(0)
    expect(limiter.attempt('2001:db8:1:2::c')).toBe(1000)
    expect(limiter.attempt('2001:db8:1:3::a')).toBe(0)
    now = 1000
    expect(limiter.attempt('2001:db8:1:2::c')).toBe(0)
  })

  it('slides its window: each attempt frees its place a window after it was made', () => {
    let now = 0
    const limiter = new LoginRateLimiter({ attempts: 3, windowMs: 60_000, maxAddresses: 10 }, () => now)
    for (const at of [0, 10_000, 20_000]) {
      now = at
      expect(limiter.attempt('192.0.2.1')).toBe(0)
    }
    now = 30_000
    expect(limiter.attempt('192.0.2.1')).toBe(30_000)
    now = 60_000
    expect(limiter.attempt('192.0.2.1')).toBe(0)
    expect(limiter.attempt('192.0.2.1')).toBe(10_000)
  })

  it('remembers a bounded number of addresses, forgetting the one seen longest ago', () => {
    const now = 0
    const limiter = new LoginRateLimiter({ attempts: 1, windowMs: 60_000, maxAddresses: 100 }, () => now)
    for (let i = 0; i < 1000; i++) limiter.attempt(`10.0.${i >> 8}.${i & 255}`)
    expect(limiter.size).toBe(100)
    // The latest addresses are still held back; the first ones were forgotten.
    expect(limiter.attempt('10.0.3.231')).toBeGreaterThan(0)
    expect(limiter.attempt('10.0.0.0')).toBe(0)
  })
})
