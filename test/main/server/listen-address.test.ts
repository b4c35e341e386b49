import { describe, expect, it } from 'vitest'
import { isAllowedHost, isSameOrigin } from '../../../src/main/server/host-check'
import { isLoopbackHost, parseListenAddress } from '../../../src/main/server/listen-address'

describe('listen address', () => {
  it('reads HOST:PORT, [IPv6]:PORT, HOST and :PORT, and nothing else', () => {
    expect(parseListenAddress('127.0.0.1:8383')).toEqual({ host: '127.0.0.1', port: 8383 })
    expect(parseListenAddress('[::1]:9000')).toEqual({ host: '::1', port: 9000 })
    expect(parseListenAddress('nas.local')).toEqual({ host: 'nas.local', port: 8383 })
    expect(parseListenAddress(':9000')).toEqual({ host: '127.0.0.1', port: 9000 })
    for (const bad of ['', 'a:b', 'host:70000', '[nope]:80', '::1:80', 'a b:80']) {
      expect(parseListenAddress(bad), bad).toBeNull()
    }
  })

  it('counts only loopback as loopback', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', 'localhost', 'LOCALHOST', '::ffff:127.0.0.1']) {
      expect(isLoopbackHost(host), host).toBe(true)
    }
    for (const host of ['0.0.0.0', '::', '192.168.1.2', 'nas.local', '128.0.0.1', 'localhost.evil.com']) {
      expect(isLoopbackHost(host), host).toBe(false)
    }
  })
})

describe('host and origin checks', () => {
  const policy = { listenHost: '0.0.0.0', publicHosts: ['nas.local'] }

  it('accepts IP literals, localhost and the given names; refuses other names', () => {
    expect(isAllowedHost('192.168.1.2:8383', policy)).toBe(true)
    expect(isAllowedHost('[::1]:8383', policy)).toBe(true)
    expect(isAllowedHost('localhost:8383', policy)).toBe(true)
    expect(isAllowedHost('NAS.local:8383', policy)).toBe(true)
    expect(isAllowedHost('evil.example:8383', policy)).toBe(false)
    expect(isAllowedHost('nas.local.evil.example', policy)).toBe(false)
    expect(isAllowedHost('user@nas.local', policy)).toBe(false)
    expect(isAllowedHost(undefined, policy)).toBe(false)
  })

  it('takes an Origin only when it is the same host and port as the request', () => {
    expect(isSameOrigin('http://127.0.0.1:8383', '127.0.0.1:8383')).toBe(true)
    expect(isSameOrigin('https://nas.local', 'nas.local')).toBe(true)
    expect(isSameOrigin('http://127.0.0.1:8384', '127.0.0.1:8383')).toBe(false)
    expect(isSameOrigin('http://evil.example', '127.0.0.1:8383')).toBe(false)
    expect(isSameOrigin('null', '127.0.0.1:8383')).toBe(false)
    expect(isSameOrigin(undefined, '127.0.0.1:8383')).toBe(false)
    expect(isSameOrigin('file://', '127.0.0.1:8383')).toBe(false)
  })
})
